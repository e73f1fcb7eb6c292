# Values known only at apply time are never findings; a control whose scope
# is one of them cannot be decided for a plan when applied.
resource "aws_backup_framework" "vars" {
  name = replace("${var.prefix}-framework", "-", "_")

  control {
    name = "BACKUP_RECOVERY_POINT_MINIMUM_RETENTION_CHECK"

    input_parameter {
      name  = "requiredRetentionDays"
      value = var.retention_days
    }

    scope {
      tags = {
        "environment_name" = var.environment_name
      }
    }
  }
}
