import ABMCommands

CommandLineRunner.main()
