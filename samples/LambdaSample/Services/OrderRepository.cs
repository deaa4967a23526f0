using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.DataModel;
using LambdaSample.Models;

namespace LambdaSample.Services;

/// <summary>
/// Reads and writes orders. Compliant: the DynamoDB client is constructor-injected, and the DynamoDBContext is built
/// once, in the constructor - even though <see cref="SaveAsync"/> runs on every invocation of the SQS handler.
/// </summary>
public sealed class OrderRepository
{
    private readonly IDynamoDBContext _context;

    public OrderRepository(IAmazonDynamoDB dynamo)
    {
        _context = new DynamoDBContextBuilder().WithDynamoDBClient(() => dynamo).Build();
    }

    public Task SaveAsync(Order order, CancellationToken cancellationToken = default) =>
        _context.SaveAsync(order, cancellationToken);

    public async Task<Order?> FindAsync(string id, CancellationToken cancellationToken = default) =>
        await _context.LoadAsync<Order>(id, cancellationToken);
}
