module example.com/app

go 1.22

require (
	example.com/cli v0.9.0
	example.com/text v1.1.0
	example.com/web v1.4.0
)
