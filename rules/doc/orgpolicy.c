/* orgpolicy.c - documentation of the Organizations backup policy rules
 * (BKP9xx): what each checks and why, and complete Bad and Good
 * documents, which testdata/rules/check-examples.sh runs through the
 * binary. */
#include "doc.h"

const char bkp110_doc[] =
	"What it checks: in an AWS Organizations backup policy, every setting\n"
	"(a leaf such as delete_after_days or regions) is set through one value\n"
	"operator: {\"@@assign\": V}; @@append and @@remove only on lists\n"
	"(regions, tag_value, resource_types...), which they extend or shrink;\n"
	"a container (plans, rules, lifecycle, copy_actions, selections...) holds\n"
	"settings, never a value operator; @@operators_allowed_for_child_policies\n"
	"may stand on any node and takes a list of @@all, @@none, @@assign,\n"
	"@@append and @@remove, with @@all and @@none alone. A bare value\n"
	"(\"delete_after_days\": \"35\"), an @@assign on a container, @@append on a\n"
	"single value, two value operators in one setting, or a misspelt operator\n"
	"(@@asign) is reported.\n\n"
	"Why: AWS Organizations refuses a policy that does not follow the\n"
	"backup policy grammar (MalformedPolicyDocumentException), and an\n"
	"operator it ignores is a setting that never reaches the accounts.\n";

const struct rule_example bkp110_examples[] = {
	{ .kind = EXAMPLE_BAD, .file = "policy.json", .text =
	"{\n"
	"  \"plans\": {\n"
	"    \"daily\": {\n"
	"      \"regions\": {\"@@assign\": [\"eu-west-1\"]},\n"
	"      \"rules\": {\n"
	"        \"nightly\": {\n"
	"          \"schedule_expression\": {\"@@assign\": \"cron(0 5 ? * * *)\"},\n"
	"          \"target_backup_vault_name\": {\"@@assign\": \"Default\"},\n"
	"          \"lifecycle\": {\"delete_after_days\": \"35\"}\n"
	"        }\n"
	"      }\n"
	"    }\n"
	"  }\n"
	"}\n" },
	{ .kind = EXAMPLE_GOOD, .file = "policy.json", .text =
	"{\n"
	"  \"plans\": {\n"
	"    \"daily\": {\n"
	"      \"regions\": {\"@@assign\": [\"eu-west-1\"]},\n"
	"      \"rules\": {\n"
	"        \"nightly\": {\n"
	"          \"schedule_expression\": {\"@@assign\": \"cron(0 5 ? * * *)\"},\n"
	"          \"target_backup_vault_name\": {\"@@assign\": \"Default\"},\n"
	"          \"lifecycle\": {\"delete_after_days\": {\"@@assign\": \"35\"}}\n"
	"        }\n"
	"      }\n"
	"    }\n"
	"  }\n"
	"}\n" },
	EXAMPLES_END
};

const char bkp111_doc[] =
	"What it checks: a copy action of a backup policy is keyed by the ARN of\n"
	"its destination vault, and that key is the same, letter for letter, as\n"
	"its target_backup_vault_arn. Without target_backup_vault_arn, a key with\n"
	"capital letters is reported.\n\n"
	"Why: AWS Organizations lower-cases the keys of a policy; a copy action\n"
	"without target_backup_vault_arn goes to the key as lower-cased, which is\n"
	"another vault than one named with capitals (vault names are\n"
	"case-sensitive), so every copy fails. A key that differs from its target\n"
	"misleads: child policies that name the key to change the copy change\n"
	"an entry whose vault is another.\n";

const struct rule_example bkp111_examples[] = {
	{ .kind = EXAMPLE_BAD, .file = "policy.json", .text =
	"{\n"
	"  \"plans\": {\n"
	"    \"daily\": {\n"
	"      \"regions\": {\"@@assign\": [\"eu-west-1\"]},\n"
	"      \"rules\": {\n"
	"        \"nightly\": {\n"
	"          \"schedule_expression\": {\"@@assign\": \"cron(0 5 ? * * *)\"},\n"
	"          \"target_backup_vault_name\": {\"@@assign\": \"Default\"},\n"
	"          \"lifecycle\": {\"delete_after_days\": {\"@@assign\": \"35\"}},\n"
	"          \"copy_actions\": {\n"
	"            \"arn:aws:backup:eu-west-1:$account:backup-vault:DR_Vault\": {\n"
	"              \"lifecycle\": {\"delete_after_days\": {\"@@assign\": \"35\"}}\n"
	"            }\n"
	"          }\n"
	"        }\n"
	"      }\n"
	"    }\n"
	"  }\n"
	"}\n" },
	{ .kind = EXAMPLE_GOOD, .file = "policy.json", .text =
	"{\n"
	"  \"plans\": {\n"
	"    \"daily\": {\n"
	"      \"regions\": {\"@@assign\": [\"eu-west-1\"]},\n"
	"      \"rules\": {\n"
	"        \"nightly\": {\n"
	"          \"schedule_expression\": {\"@@assign\": \"cron(0 5 ? * * *)\"},\n"
	"          \"target_backup_vault_name\": {\"@@assign\": \"Default\"},\n"
	"          \"lifecycle\": {\"delete_after_days\": {\"@@assign\": \"35\"}},\n"
	"          \"copy_actions\": {\n"
	"            \"arn:aws:backup:eu-west-1:$account:backup-vault:DR_Vault\": {\n"
	"              \"target_backup_vault_arn\": {\n"
	"                \"@@assign\": \"arn:aws:backup:eu-west-1:$account:backup-vault:DR_Vault\"\n"
	"              },\n"
	"              \"lifecycle\": {\"delete_after_days\": {\"@@assign\": \"35\"}}\n"
	"            }\n"
	"          }\n"
	"        }\n"
	"      }\n"
	"    }\n"
	"  }\n"
	"}\n" },
	EXAMPLES_END
};

const char bkp112_doc[] =
	"What it checks: a backup policy written as JSON has at most 10,000\n"
	"characters. The console saves a policy without the white space between\n"
	"its tokens; the AWS CLI, the SDKs, CloudFormation and Terraform send it\n"
	"as written and AWS counts every character. Over the limit without white\n"
	"space is an error; over it only with white space, a warning.\n\n"
	"Why: AWS Organizations refuses a larger policy\n"
	"(ConstraintViolationException, POLICY_CONTENT_LIMIT_EXCEEDED). Policies\n"
	"with several Regions, rules and copy actions reach the limit quickly;\n"
	"AWS recommends one plan per policy.\n";

/* Ten thousand spaces: what makes the Bad example too long as sent. */
#define SP10 "          "
#define SP100 SP10 SP10 SP10 SP10 SP10 SP10 SP10 SP10 SP10 SP10
#define SP1000 SP100 SP100 SP100 SP100 SP100 SP100 SP100 SP100 SP100 SP100
#define SP10000 SP1000 SP1000 SP1000 SP1000 SP1000 SP1000 SP1000 SP1000 SP1000 SP1000

const struct rule_example bkp112_examples[] = {
	{ .kind = EXAMPLE_BAD, .file = "policy.json", .text =
	"{\n"
	"  \"plans\": {\n"
	"    \"daily\": {\n"
	"      \"regions\": {\"@@assign\": [\"eu-west-1\"]},\n"
	"      \"rules\": {\n"
	"        \"nightly\": {\n"
	"          \"schedule_expression\": {\"@@assign\": \"cron(0 5 ? * * *)\"},\n"
	"          \"target_backup_vault_name\": {\"@@assign\": \"Default\"},\n"
	"          \"lifecycle\": {\"delete_after_days\": {\"@@assign\": \"35\"}}\n"
	"        }\n"
	"      }\n" SP10000 "\n"
	"    }\n"
	"  }\n"
	"}\n" },
	{ .kind = EXAMPLE_GOOD, .file = "policy.json", .text =
	"{\n"
	"  \"plans\": {\n"
	"    \"daily\": {\n"
	"      \"regions\": {\"@@assign\": [\"eu-west-1\"]},\n"
	"      \"rules\": {\n"
	"        \"nightly\": {\n"
	"          \"schedule_expression\": {\"@@assign\": \"cron(0 5 ? * * *)\"},\n"
	"          \"target_backup_vault_name\": {\"@@assign\": \"Default\"},\n"
	"          \"lifecycle\": {\"delete_after_days\": {\"@@assign\": \"35\"}}\n"
	"        }\n"
	"      }\n"
	"    }\n"
	"  }\n"
	"}\n" },
	EXAMPLES_END
};
