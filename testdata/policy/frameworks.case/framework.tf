resource "aws_backup_framework" "tf" {
  name = "tf_framework"

  control {
    name = "BACKUP_RECOVERY_POINT_ENCRYPTED"
  }

  control {
    name = "BACKUP_PLAN_MIN_FREQUENCY_AND_MIN_RETENTION_CHECK"

    input_parameter {
      name  = "requiredFrequencyUnit"
      value = "day"
    }

    scope {
      compliance_resource_types = ["EBS"]
    }
  }
}
