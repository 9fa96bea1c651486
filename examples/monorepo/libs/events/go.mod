module example.com/monorepo/libs/events

go 1.23
