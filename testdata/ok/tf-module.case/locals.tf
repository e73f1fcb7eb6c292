locals {
  name  = format("%s-%s", "backup", lower("Prod"))
  tags  = merge({ team = "data" }, { env = "prod" })
  rules = [for k, v in var.plans : merge(v, { name = k })]
  efs   = [aws_efs_file_system.shared.arn]
}
