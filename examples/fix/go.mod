module example.com/fixme

go 1.21

// The web framework.
require example.com/web v1.4.0

require (
	example.com/web v1.5.0 // newer
	example.com/text v1.2
)
