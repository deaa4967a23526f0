using Amazon.S3;
using Amazon.S3.Model;

namespace LambdaSample.Services;

/// <summary>
/// Helper in its own file, called from <see cref="Functions.ThumbnailFunction"/>'s handler: the client it builds is
/// created on every invocation. LBP101 finds it through the call graph (a compilation-end diagnostic).
/// </summary>
public static class ThumbnailStore
{
    private static readonly string ThumbnailBucket = Environment.GetEnvironmentVariable("THUMBNAIL_BUCKET") ?? "thumbnails";

    public static async Task MarkProcessedAsync(string sourceBucket, string key, CancellationToken cancellationToken = default)
    {
        var s3 = new AmazonS3Client(); // LBP101
        await s3.PutObjectAsync(
            new PutObjectRequest
            {
                BucketName = ThumbnailBucket,
                Key = $"{sourceBucket}/{key}.done",
                ContentBody = DateTimeOffset.UtcNow.ToString("O"),
            },
            cancellationToken);
    }
}
