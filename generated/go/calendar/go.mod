module example.com/specpipe/calendar

go 1.24
