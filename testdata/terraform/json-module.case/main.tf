provider "aws" {
  region = "eu-west-1"
}

provider "aws" {
  alias  = "dr"
  region = "us-east-1"
}

resource "aws_backup_vault" "main" {
  name = "main"
}

resource "aws_backup_vault" "dr" {
  provider = aws.dr
  name     = "dr"
}
