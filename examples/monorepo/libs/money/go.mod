module example.com/monorepo/libs/money

go 1.23
