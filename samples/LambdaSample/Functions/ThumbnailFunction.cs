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

            // Our own output: skipped, so the thumbnail written below does not trigger another round.
            if (key.StartsWith("thumbnails/", StringComparison.Ordinal))
            {
                continue;
            }

            var metadata = await ReadMetadataAsync(bucket, key);
            context.Logger.LogInformation($"{bucket}/{key}: {metadata.ContentLength} bytes (worker {WorkerId}, environment {s_environmentId})");

            // Non-compliant: target-typed new() in the handler builds a client per invocation.
            AmazonS3Client archive = new(); // LBP101
            await archive.CopyObjectAsync(bucket, key, ArchiveBucket, key);

            // Non-compliant, in another file: the helper creates its own client (see ThumbnailStore).
            await ThumbnailStore.MarkProcessedAsync(bucket, key);

            // Compliant: a write into the triggering bucket under thumbnails/, which the guard above skips.
            await s_s3.PutObjectAsync(new Amazon.S3.Model.PutObjectRequest { BucketName = bucket, Key = $"thumbnails/{key}", ContentBody = "thumbnail" });

            // Non-compliant: a backup copy into the triggering bucket is a new object, which triggers the function again.
            await s_s3.CopyObjectAsync(bucket, key, bucket, key + ".bak"); // LBP201

            // Non-compliant: a fixed pause "to let the copies settle" bills two idle seconds per object (S3 is strongly consistent).
            await Task.Delay(TimeSpan.FromSeconds(2)); // LBP103
        }
    }

    /// <summary>Compliant: a bounded retry back-off (three tries, in the catch clause) is not the idle time LBP103 reports.</summary>
    private static async Task<Amazon.S3.Model.GetObjectMetadataResponse> ReadMetadataAsync(string bucket, string key)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await s_s3.GetObjectMetadataAsync(bucket, key);
            }
            catch (AmazonS3Exception) when (attempt < 3)
            {
                await Task.Delay(TimeSpan.FromSeconds(attempt));
            }
        }
    }

    // The function is published with SnapStart: every execution environment is restored from one snapshot of init.
    static ThumbnailFunction() => SnapshotRestore.RegisterAfterRestore(() =>
    {
        // Compliant: made again in every restored environment.
        s_environmentId = Guid.NewGuid().ToString("N");
        return ValueTask.CompletedTask;
    });

    // Non-compliant: made once at init, so every environment restored from the snapshot logs the same "unique" worker ID.
    private static readonly string WorkerId = Guid.NewGuid().ToString("N"); // LBP206

    private static string s_environmentId = Guid.NewGuid().ToString("N");
}
