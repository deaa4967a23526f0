using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Lambda.Core;

namespace LambdaSample.Functions;

/// <summary>
/// A function whose input is a plain POCO: its signature says nothing about what invokes it. The SAM template next to
/// the projects (<c>samples/template.yaml</c>) runs <see cref="Export"/> on an EventBridge schedule (delivered at least
/// once) and <see cref="Preview"/> behind an HTTP API (synchronous), so only the template tells LBP202 which one a
/// redelivered event replays.
/// Handlers: <c>LambdaSample::LambdaSample.Functions.NightlyExportFunction::Export</c> and <c>::Preview</c>.
/// </summary>
public class NightlyExportFunction
{
    private static readonly IAmazonDynamoDB s_dynamo = new AmazonDynamoDBClient();
    private static readonly string ExportsTable = Environment.GetEnvironmentVariable("EXPORTS_TABLE") ?? "exports";

    /// <summary>Scheduled: a retried event writes a second export row under a new random key.</summary>
    public async Task Export(ExportRequest request, ILambdaContext context)
    {
        var item = new Dictionary<string, AttributeValue>
        {
            ["exportId"] = new AttributeValue(Guid.NewGuid().ToString()),
            ["day"] = new AttributeValue(request.Day),
        };
        await s_dynamo.PutItemAsync(new PutItemRequest { TableName = ExportsTable, Item = item }); // LBP202
    }

    /// <summary>Look-alike: the same write behind an HTTP API, where the caller sees the failure and decides.</summary>
    public async Task Preview(ExportRequest request, ILambdaContext context)
    {
        var item = new Dictionary<string, AttributeValue>
        {
            ["exportId"] = new AttributeValue(Guid.NewGuid().ToString()),
            ["day"] = new AttributeValue(request.Day),
        };
        await s_dynamo.PutItemAsync(new PutItemRequest { TableName = ExportsTable, Item = item });
    }
}

/// <summary>Input of <see cref="NightlyExportFunction"/>.</summary>
public record ExportRequest(string Day);
