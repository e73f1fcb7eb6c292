# The policy is a file of the module, read with file(): linted on its own,
# as a policy, because it is one by its content.
resource "aws_organizations_policy" "backup" {
  name    = "org-backup"
  type    = "BACKUP_POLICY"
  content = file("${path.module}/backup-policy.json")
}

resource "aws_organizations_policy_attachment" "root" {
  policy_id = aws_organizations_policy.backup.id
  target_id = var.root_id
}
