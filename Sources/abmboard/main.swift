import ABMCommands

AbmboardCommand.main()
