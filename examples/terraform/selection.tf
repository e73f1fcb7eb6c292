resource "aws_dynamodb_table" "orders" {
  name         = "orders"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }
}

resource "aws_backup_selection" "apps" {
  name         = "apps"
  plan_id      = aws_backup_plan.apps.id
  iam_role_arn = "arn:aws:iam::111122223333:role/service-role/AWSBackupDefaultServiceRole"
  resources    = [aws_dynamodb_table.orders.arn]
}
