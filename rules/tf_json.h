/* tf_json.h - Terraform's JSON syntax (.tf.json): the JSON loader's tree
 * rewritten into the tree the HCL loader gives a .tf file (hcl.h), so that
 * the model, the links of a module and every rule family read both alike.
 *
 * Ownership: the new nodes live in the document's arena; the JSON tree's
 * scalars are shared, not copied. Nothing here reports: a JSON document
 * that is not Terraform's mapping keeps its shape as far as it goes. */
#ifndef BACKUPLINT_TF_JSON_H
#define BACKUPLINT_TF_JSON_H

#include "../linter/lint.h"

/* 1 when d is the JSON of a file named *.tf.json. */
int tf_json_file(const struct doc *d);

/* d->root (a JSON object) replaced by its Terraform reading: top-level
 * keys are block types with their labels (resource and data two, module,
 * provider, variable, output and check one), arrays of objects are
 * repeated blocks at every label level, properties of the AWS Backup
 * resources are blocks or arguments as schemas/shapes-tf.json says (the
 * meta blocks lifecycle, provisioner, connection and dynamic everywhere),
 * strings holding ${ or %{ are templates (one interpolation alone is its
 * expression, "${aws_backup_plan.x.id}" a reference), a resource's
 * provider a reference, and "//" properties of bodies comments. */
void tf_json_convert(struct doc *d);

#endif
