using Amazon.DynamoDBv2.DataModel;

namespace LambdaSample.Models;

/// <summary>An order as stored in the Orders table and carried in SQS messages.</summary>
[DynamoDBTable("Orders")]
public class Order
{
    [DynamoDBHashKey]
    public string Id { get; set; } = "";

    public string CustomerId { get; set; } = "";

    public decimal Amount { get; set; }

    public string Currency { get; set; } = "EUR";
}
