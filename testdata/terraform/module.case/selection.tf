resource "aws_backup_selection" "tables" {
  name         = "tables"
  plan_id      = aws_backup_plan.tables.id
  iam_role_arn = "arn:aws:iam::123456789012:role/backup"
  resources = [
    "arn:aws:dynamodb:eu-west-1:123456789012:table/orders",
    "arn:aws:elasticfilesystem:us-east-1:123456789012:file-system/fs-1",
  ]
}

# plan_id from a variable names no plan of the module: linked to none
resource "aws_backup_selection" "elsewhere" {
  name         = "elsewhere"
  plan_id      = var.plan_id
  iam_role_arn = "arn:aws:iam::123456789012:role/backup"
  resources    = ["arn:aws:dynamodb:eu-west-1:123456789012:table/audit"]
}
