using System.Text.Json;
using Amazon.Lambda;
using Amazon.Lambda.Core;
using Amazon.Lambda.Model;
using Amazon.Lambda.SQSEvents;
using Amazon.S3;
using Amazon.S3.Model;
using Amazon.SQS;
using Amazon.SQS.Model;
using LambdaSample.Models;
using LambdaSample.Services;
using Microsoft.Extensions.DependencyInjection;

namespace LambdaSample.Functions;

/// <summary>
/// SQS-triggered function: stores every order message in DynamoDB and reports partial batch failures.
/// Handler: <c>LambdaSample::LambdaSample.Functions.OrderQueueFunction::FunctionHandler</c>.
/// </summary>
public class OrderQueueFunction
{
    private static readonly string DeadLetterQueueUrl = Environment.GetEnvironmentVariable("DEAD_LETTER_QUEUE_URL") ?? "";
    private static readonly string RetryQueueUrl = Environment.GetEnvironmentVariable("RETRY_QUEUE_URL") ?? "";
    private static readonly string ShippingFunctionName = Environment.GetEnvironmentVariable("SHIPPING_FUNCTION_NAME") ?? "";
    private static readonly IAmazonLambda Lambda = new AmazonLambdaClient();
    private static readonly IAmazonS3 S3 = new AmazonS3Client();
    private static readonly string ReceiptsBucket = Environment.GetEnvironmentVariable("RECEIPTS_BUCKET_NAME") ?? "";

    private readonly OrderRepository _orders;
    private readonly AuditTrail _audit;

    /// <summary>Used by the Lambda runtime: resolves the services from the container built at init.</summary>
    public OrderQueueFunction()
        : this(Startup.Services.GetRequiredService<OrderRepository>(), Startup.Services.GetRequiredService<AuditTrail>())
    {
    }

    /// <summary>Compliant: constructor injection (also what unit tests use).</summary>
    public OrderQueueFunction(OrderRepository orders, AuditTrail audit)
    {
        _orders = orders;
        _audit = audit;
    }

    public async Task<SQSBatchResponse> FunctionHandler(SQSEvent sqsEvent, ILambdaContext context)
    {
        var failures = new List<SQSBatchResponse.BatchItemFailure>();

        // Non-compliant: a client per invocation, and disposed at the end of it.
        using var sqs = new AmazonSQSClient(); // LBP101

        foreach (var message in sqsEvent.Records)
        {
            try
            {
                var order = JsonSerializer.Deserialize<Order>(message.Body) ?? throw new InvalidDataException("Empty order");

                // Non-compliant, and only the template says so: samples/template.yaml sets RETRY_QUEUE_URL to OrderQueue,
                // the queue that triggers this function, so a customer that never appears re-enqueues the message forever.
                if (order.CustomerId.Length == 0)
                {
                    await sqs.SendMessageAsync(new SendMessageRequest { QueueUrl = RetryQueueUrl, MessageBody = message.Body, DelaySeconds = 60 }); // LBP201
                    continue;
                }
                await _orders.SaveAsync(order);
                await _orders.AddToCustomerTotalAsync(order);
                await _audit.RecordAsync($"order {order.Id} stored");

                // Non-compliant: a redelivered message stores a second receipt, under a new Guid each time.
                await S3.PutObjectAsync(new PutObjectRequest { BucketName = ReceiptsBucket, Key = $"receipts/{Guid.NewGuid()}.json", ContentBody = message.Body }); // LBP202

                // Non-compliant: waits for the shipping function (RequestResponse, the default); both functions bill meanwhile.
                await Lambda.InvokeAsync(new InvokeRequest { FunctionName = ShippingFunctionName, Payload = message.Body }); // LBP204
            }
            catch (Exception ex) when (ex is JsonException or InvalidDataException)
            {
                context.Logger.LogWarning($"Message {message.MessageId} is not an order: {ex.Message}");
                await sqs.SendMessageAsync(DeadLetterQueueUrl, message.Body);
            }
            catch (Exception ex)
            {
                context.Logger.LogError(ex, "Message {MessageId} failed", message.MessageId);
                failures.Add(new SQSBatchResponse.BatchItemFailure { ItemIdentifier = message.MessageId });
            }
        }

        return new SQSBatchResponse(failures);
    }
}
