# The idioms of public backup modules: a legacy single rule built from
# variables, concatenated with a list of rules; nested dynamic blocks whose
# for_each is a conditional; try() and coalesce() defaults.
variable "enabled" {
  type    = bool
  default = true
}

variable "rule_name" {
  type    = string
  default = null
}

variable "rules" {
  type    = any
  default = []
}

variable "default_delete_after" {
  type    = number
  default = 90
}

variable "default_cold_storage_after" {
  type    = number
  default = null
}
