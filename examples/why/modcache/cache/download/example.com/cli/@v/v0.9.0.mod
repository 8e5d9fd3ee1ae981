module example.com/cli

go 1.20

require example.com/text v1.2.0
