x "a" {
}
x "a" "b" c { a = 1
}
