module example.com/specpipe/widgets

go 1.24
