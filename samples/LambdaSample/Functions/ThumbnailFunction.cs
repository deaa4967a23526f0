using Amazon.Lambda.Core;
using Amazon.Lambda.S3Events;
using Amazon.S3;
using LambdaSample.Services;

namespace LambdaSample.Functions;

/// <summary>
/// S3-triggered function: for every uploaded object, logs its size, copies it to an archive bucket and marks it
/// processed. Handler: <c>LambdaSample::LambdaSample.Functions.ThumbnailFunction::FunctionHandler</c>.
/// </summary>
public class ThumbnailFunction
{
    // Compliant: created once per execution environment, in a static readonly field.
    private static readonly IAmazonS3 s_s3 = new AmazonS3Client();

    private static readonly string ArchiveBucket = Environment.GetEnvironmentVariable("ARCHIVE_BUCKET") ?? "archive";

    public async Task FunctionHandler(S3Event s3Event, ILambdaContext context)
    {
        foreach (var record in s3Event.Records)
        {
            var bucket = record.S3.Bucket.Name;
            var key = record.S3.Object.Key;

            var metadata = await s_s3.GetObjectMetadataAsync(bucket, key);
            context.Logger.LogInformation($"{bucket}/{key}: {metadata.ContentLength} bytes");

            // Non-compliant: target-typed new() in the handler builds a client per invocation.
            AmazonS3Client archive = new(); // LBP101
            await archive.CopyObjectAsync(bucket, key, ArchiveBucket, key);

            // Non-compliant, in another file: the helper creates its own client (see ThumbnailStore).
            await ThumbnailStore.MarkProcessedAsync(bucket, key);
        }
    }
}
