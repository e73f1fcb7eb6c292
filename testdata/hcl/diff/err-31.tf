a = "x" "y"
