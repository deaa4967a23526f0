using Amazon.DynamoDBv2.DataModel;

namespace LambdaSample.Models;

/// <summary>
/// An order as stored in the Orders table and carried in SQS messages. Non-compliant: the functions save it through
/// DynamoDBContext, and nothing maps the table name per stage, so every deployment writes to the one table named here
/// (LBP401). Set <c>TableNamePrefix</c> in <c>ConfigureContext</c> from an environment variable, or register a table
/// alias at init, and the attribute names a table per stage.
/// </summary>
[DynamoDBTable("Orders")] // LBP401
public class Order
{
    [DynamoDBHashKey]
    public string Id { get; set; } = "";

    public string CustomerId { get; set; } = "";

    public decimal Amount { get; set; }

    public string Currency { get; set; } = "EUR";
}
