// Spectral custom function for the benchmark's cold-storage rule: a
// Lifecycle whose DeleteAfterDays is less than MoveToColdStorageAfterDays
// plus the 90 days AWS Backup keeps a recovery point in cold storage.
// Non-numbers (CloudFormation intrinsics such as !Ref) are not judged.
export default function coldMinimum(input, options, context) {
  if (input === null || typeof input !== 'object')
    return [];
  const cold = input.MoveToColdStorageAfterDays;
  const del = input.DeleteAfterDays;
  if (typeof cold !== 'number' || typeof del !== 'number')
    return [];
  if (del >= cold + 90)
    return [];
  return [{
    message: `DeleteAfterDays is ${del} but must be at least ${cold + 90} ` +
      `(MoveToColdStorageAfterDays ${cold} + 90 days in cold storage)`,
    path: [...context.path, 'DeleteAfterDays'],
  }];
}
