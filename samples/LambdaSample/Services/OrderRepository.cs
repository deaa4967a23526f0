using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.DataModel;
using Amazon.DynamoDBv2.Model;
using LambdaSample.Models;

namespace LambdaSample.Services;

/// <summary>
/// Reads and writes orders. Compliant: the DynamoDB client is constructor-injected, and the DynamoDBContext is built
/// once, in the constructor - even though <see cref="SaveAsync"/> runs on every invocation of the SQS handler.
/// </summary>
public sealed class OrderRepository
{
    private static readonly string CustomersTable = Environment.GetEnvironmentVariable("CUSTOMERS_TABLE_NAME") ?? "";

    private readonly IAmazonDynamoDB _dynamo;
    private readonly IDynamoDBContext _context;

    public OrderRepository(IAmazonDynamoDB dynamo)
    {
        _dynamo = dynamo;
        _context = new DynamoDBContextBuilder().WithDynamoDBClient(() => dynamo).Build();
    }

    public Task SaveAsync(Order order, CancellationToken cancellationToken = default) =>
        _context.SaveAsync(order, cancellationToken);

    /// <summary>
    /// Non-compliant (LBP202): the SQS handler calls this for every message, and SQS delivers at least once. A redelivered
    /// message adds the amount a second time; a ConditionExpression or an idempotency table would stop the replay.
    /// </summary>
    public Task AddToCustomerTotalAsync(Order order, CancellationToken cancellationToken = default) =>
        _dynamo.UpdateItemAsync( // LBP202
            new UpdateItemRequest
            {
                TableName = CustomersTable,
                Key = new Dictionary<string, AttributeValue> { ["id"] = new AttributeValue(order.CustomerId) },
                UpdateExpression = "ADD orderTotal :amount",
                ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":amount"] = new AttributeValue { N = order.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture) } },
            },
            cancellationToken);

    public async Task<Order?> FindAsync(string id, CancellationToken cancellationToken = default) =>
        await _context.LoadAsync<Order>(id, cancellationToken);
}
