using Amazon;
using Amazon.SQS;

namespace LambdaSample.Services;

/// <summary>
/// Forwards an audit record for every processed order. Compliant: the SQS client is created lazily, once per
/// execution environment, with the <c>??=</c> idiom into a static field - although this runs on every invocation.
/// Shows LBP402: the client's config names a region, where Lambda's <c>AWS_REGION</c> would do.
/// </summary>
public sealed class AuditTrail
{
    private static IAmazonSQS? s_sqs;

    // Non-compliant: the region is written into the code; deployed to another region, the function still calls eu-west-1.
    private static readonly AmazonSQSConfig SqsConfig = new() { RegionEndpoint = RegionEndpoint.EUWest1 }; // LBP402

    private static readonly string QueueUrl = Environment.GetEnvironmentVariable("AUDIT_QUEUE_URL") ?? "";

    public async Task RecordAsync(string message, CancellationToken cancellationToken = default)
    {
        var sqs = s_sqs ??= new AmazonSQSClient(SqsConfig);
        await sqs.SendMessageAsync(QueueUrl, message, cancellationToken);
    }
}
