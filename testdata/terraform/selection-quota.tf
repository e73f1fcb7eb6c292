# A selection over the ARN quota: 30 ARNs once any has a wildcard.
resource "aws_backup_selection" "many" {
  name         = "many"
  plan_id      = aws_backup_plan.p.id
  iam_role_arn = "arn:aws:iam::123456789012:role/backup"
  resources = [
    "arn:aws:ec2:us-east-1:123456789012:instance/*",
    "arn:aws:ec2:us-east-1:123456789012:volume/vol-0",
    "arn:aws:ec2:us-east-1:123456789012:volume/vol-1",
    "arn:aws:ec2:us-east-1:123456789012:volume/vol-2",
    "arn:aws:ec2:us-east-1:123456789012:volume/vol-3",
    "arn:aws:ec2:us-east-1:123456789012:volume/vol-4",
    "arn:aws:ec2:us-east-1:123456789012:volume/vol-5",
    "arn:aws:ec2:us-east-1:123456789012:volume/vol-6",
    "arn:aws:ec2:us-east-1:123456789012:volume/vol-7",
    "arn:aws:ec2:us-east-1:123456789012:volume/vol-8",
    "arn:aws:ec2:us-east-1:123456789012:volume/vol-9",
    "arn:aws:ec2:us-east-1:123456789012:volume/vol-10",
    "arn:aws:ec2:us-east-1:123456789012:volume/vol-11",
    "arn:aws:ec2:us-east-1:123456789012:volume/vol-12",
    "arn:aws:ec2:us-east-1:123456789012:volume/vol-13",
    "arn:aws:ec2:us-east-1:123456789012:volume/vol-14",
    "arn:aws:ec2:us-east-1:123456789012:volume/vol-15",
    "arn:aws:ec2:us-east-1:123456789012:volume/vol-16",
    "arn:aws:ec2:us-east-1:123456789012:volume/vol-17",
    "arn:aws:ec2:us-east-1:123456789012:volume/vol-18",
    "arn:aws:ec2:us-east-1:123456789012:volume/vol-19",
    "arn:aws:ec2:us-east-1:123456789012:volume/vol-20",
    "arn:aws:ec2:us-east-1:123456789012:volume/vol-21",
    "arn:aws:ec2:us-east-1:123456789012:volume/vol-22",
    "arn:aws:ec2:us-east-1:123456789012:volume/vol-23",
    "arn:aws:ec2:us-east-1:123456789012:volume/vol-24",
    "arn:aws:ec2:us-east-1:123456789012:volume/vol-25",
    "arn:aws:ec2:us-east-1:123456789012:volume/vol-26",
    "arn:aws:ec2:us-east-1:123456789012:volume/vol-27",
    "arn:aws:ec2:us-east-1:123456789012:volume/vol-28",
    "arn:aws:ec2:us-east-1:123456789012:volume/vol-29",
  ]
}
