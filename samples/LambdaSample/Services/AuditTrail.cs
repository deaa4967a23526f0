using Amazon;
using Amazon.S3;
using Amazon.S3.Model;
using Amazon.SQS;

namespace LambdaSample.Services;

/// <summary>
/// Forwards an audit record for every processed order. Compliant: the SQS and S3 clients are created lazily, once per
/// execution environment, with the <c>??=</c> idiom into a static field - although this runs on every invocation.
/// The queue URL comes from the environment (compliant); the archive bucket and the compliance queue do not (LBP401).
/// Shows LBP402: the client's config names a region, where Lambda's <c>AWS_REGION</c> would do.
/// </summary>
public sealed class AuditTrail
{
    private static IAmazonSQS? s_sqs;
    private static IAmazonS3? s_s3;

    // Non-compliant: the region is written into the code; deployed to another region, the function still calls eu-west-1.
    private static readonly AmazonSQSConfig SqsConfig = new() { RegionEndpoint = RegionEndpoint.EUWest1 }; // LBP402

    private static readonly string QueueUrl = Environment.GetEnvironmentVariable("AUDIT_QUEUE_URL") ?? "";

    public async Task RecordAsync(string message, CancellationToken cancellationToken = default)
    {
        var sqs = s_sqs ??= new AmazonSQSClient(SqsConfig);
        await sqs.SendMessageAsync(QueueUrl, message, cancellationToken);

        // Non-compliant: a queue URL written into the code (account, region and queue of one deployment).
        await sqs.SendMessageAsync("https://sqs.eu-west-1.amazonaws.com/123456789012/compliance-audit", message, cancellationToken); // LBP401

        var s3 = s_s3 ??= new AmazonS3Client();
        await s3.PutObjectAsync(
            new PutObjectRequest { BucketName = ResourceNames.AuditArchiveBucket, Key = "audit/latest.txt", ContentBody = message },
            cancellationToken);
    }
}
