using Amazon.SQS;

namespace LambdaSample.Services;

/// <summary>
/// Forwards an audit record for every processed order. Compliant: the SQS client is created lazily, once per
/// execution environment, with the <c>??=</c> idiom into a static field - although this runs on every invocation.
/// </summary>
public sealed class AuditTrail
{
    private static IAmazonSQS? s_sqs;

    private static readonly string QueueUrl = Environment.GetEnvironmentVariable("AUDIT_QUEUE_URL") ?? "";

    public async Task RecordAsync(string message, CancellationToken cancellationToken = default)
    {
        var sqs = s_sqs ??= new AmazonSQSClient();
        await sqs.SendMessageAsync(QueueUrl, message, cancellationToken);
    }
}
