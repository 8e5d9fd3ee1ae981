module example.com/web

go 1.21

require example.com/text v1.3.0
