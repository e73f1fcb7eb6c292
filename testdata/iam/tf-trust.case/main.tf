# The roles of Terraform selections: their assume_role_policy must trust
# backup.amazonaws.com (iam.tf).
resource "aws_backup_plan" "p" {
  name = "p"
  rule {
    rule_name         = "daily"
    target_vault_name = "v"
    schedule          = "cron(0 5 * * ? *)"
    lifecycle {
      delete_after = 35
    }
  }
}

resource "aws_backup_selection" "a" {
  name         = "a"
  plan_id      = aws_backup_plan.p.id
  iam_role_arn = aws_iam_role.ec2.arn
  resources    = ["arn:aws:ec2:us-east-1:123456789012:volume/vol-1"]
}

resource "aws_backup_selection" "b" {
  name         = "b"
  plan_id      = aws_backup_plan.p.id
  iam_role_arn = aws_iam_role.doc.arn
  resources    = ["arn:aws:ec2:us-east-1:123456789012:volume/vol-1"]
}

resource "aws_backup_selection" "c" {
  name         = "c"
  plan_id      = aws_backup_plan.p.id
  iam_role_arn = aws_iam_role.heredoc.arn
  resources    = ["arn:aws:ec2:us-east-1:123456789012:volume/vol-1"]
}

resource "aws_backup_selection" "d" {
  name         = "d"
  plan_id      = aws_backup_plan.p.id
  iam_role_arn = aws_iam_role.notp.arn
  resources    = ["arn:aws:ec2:us-east-1:123456789012:volume/vol-1"]
}
