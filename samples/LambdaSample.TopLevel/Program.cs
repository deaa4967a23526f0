using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;
using Amazon.S3;
using Amazon.S3.Model;

// An executable-assembly function: the top-level statements before RunAsync() are init code and run once per
// execution environment; the handler lambda runs on every invocation.

// Compliant: created once, before the runtime loop starts, and captured by the handler.
var s3 = new AmazonS3Client();
var reportBucket = Environment.GetEnvironmentVariable("REPORT_BUCKET") ?? "reports";
var stamp = new WorkerStamp();

var handler = async (ReportRequest request, ILambdaContext context) =>
{
    var listing = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = request.Bucket, Prefix = request.Prefix });
    var count = listing.S3Objects?.Count ?? 0;

    // Non-compliant: a second client, built inside the handler lambda on every invocation.
    var reports = new AmazonS3Client(); // LBP101
    await reports.PutObjectAsync(new PutObjectRequest { BucketName = reportBucket, Key = $"{context.AwsRequestId}.txt", ContentBody = $"{count} objects" });

    context.Logger.LogInformation(stamp.Describe(context.AwsRequestId));
    return new ReportResponse(request.Bucket, count);
};

await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer())
    .Build()
    .RunAsync();

/// <summary>Input of the function.</summary>
public record ReportRequest(string Bucket, string Prefix);

/// <summary>Output of the function.</summary>
public record ReportResponse(string Bucket, int ObjectCount);

/// <summary>
/// Made once at init. samples/template.yaml publishes this function with SnapStart, so every execution environment restored
/// from the snapshot starts with the same "unique" worker ID: only the template says so (the code registers no hook).
/// </summary>
internal sealed class WorkerStamp
{
    private readonly string _workerId = Guid.NewGuid().ToString("N"); // LBP206

    public string Describe(string requestId) => $"report {requestId} written by worker {_workerId}";
}
