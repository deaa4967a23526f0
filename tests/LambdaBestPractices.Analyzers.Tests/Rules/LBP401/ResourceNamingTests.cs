using LambdaBestPractices.Analyzers.Model;
using LambdaBestPractices.Analyzers.Rules;

namespace LambdaBestPractices.Analyzers.Tests.Rules;

/// <summary>LBP401's shape recognition and the environment variable names its fix suggests.</summary>
public class ResourceNamingTests
{
    [Theory]
    [InlineData("BucketName", "orders-bucket", "ORDERS_BUCKET_NAME")]
    [InlineData("BucketName", "orders", "ORDERS_BUCKET_NAME")]
    [InlineData("BucketName", "acme-orders-prod", "ACME_ORDERS_BUCKET_NAME")]
    [InlineData("BucketName", "arn:aws:s3:::orders-archive", "ORDERS_ARCHIVE_BUCKET_NAME")]
    [InlineData("TableName", "Invoices", "INVOICES_TABLE_NAME")]
    [InlineData("TableName", "OrdersTable", "ORDERS_TABLE_NAME")]
    [InlineData("TableName", "dev_customer_orders_v2", "CUSTOMER_ORDERS_V2_TABLE_NAME")]
    [InlineData("QueueUrl", "https://sqs.us-east-1.amazonaws.com/123456789012/orders-prod", "ORDERS_QUEUE_URL")]
    [InlineData("QueueName", "audit-queue", "AUDIT_QUEUE_NAME")]
    [InlineData("TopicArn", "arn:aws:sns:us-east-1:123456789012:alerts", "ALERTS_TOPIC_ARN")]
    [InlineData("FunctionName", "resize-image", "RESIZE_IMAGE_FUNCTION_NAME")]
    [InlineData("FunctionName", "arn:aws:lambda:us-east-1:123456789012:function:resize:live", "RESIZE_FUNCTION_NAME")]
    [InlineData("StateMachineArn", "arn:aws:states:us-east-1:123456789012:stateMachine:checkout", "CHECKOUT_STATE_MACHINE_ARN")]
    [InlineData("EventBusName", "orders-bus", "ORDERS_BUS_EVENT_BUS_NAME")]
    [InlineData("StreamName", "clickstream", "CLICKSTREAM_STREAM_NAME")]
    [InlineData("LogGroupName", "/aws/lambda/orders", "ORDERS_LOG_GROUP_NAME")]
    [InlineData("SecretId", "prod/db-credentials", "DB_CREDENTIALS_SECRET_ID")]
    [InlineData("ParameterName", "/prod/orders/api-url", "API_URL_PARAMETER_NAME")]
    [InlineData("Arn", "arn:aws:iam::123456789012:role/uploader", "UPLOADER_ROLE_ARN")]
    [InlineData("Arn", "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab", "KEY_ARN")]
    [InlineData("Arn", "arn:aws:sqs:us-east-1:123456789012:jobs", "JOBS_QUEUE_ARN")]
    [InlineData("TableName", "prod", "TABLE_NAME")]
    [InlineData("TableName", "2024-orders", "ORDERS_TABLE_NAME")]
    [InlineData("BucketName", "my.company.data.lake.raw.zone", "DATA_LAKE_RAW_ZONE_BUCKET_NAME")]
    public void Suggest_NamesTheVariableAfterResourceAndSlot(string kind, string value, string expected) =>
        Assert.Equal(expected, ResourceVariableNames.Suggest(System.Enum.Parse<ResourceKind>(kind), value));

    [Theory]
    [InlineData("ORDERS_BUCKET_NAME", "OrdersBucketName")]
    [InlineData("ORDERS_BUCKET_NAME_2", "OrdersBucketName2")]
    [InlineData("ARN", "Arn")]
    public void FieldName_IsPascalCase(string variable, string expected) =>
        Assert.Equal(expected, ResourceVariableNames.FieldName(variable));

    [Theory]
    [InlineData("arn:aws:sns:us-east-1:123456789012:alerts", true)]
    [InlineData("arn:aws-cn:s3:::bucket", true)]
    [InlineData("arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:f", true)]
    [InlineData("arn:aws:sns:{0}:123456789012:alerts", false)]
    [InlineData("arn:aws:sns is the prefix", false)]
    [InlineData("arn:aws:sns:us-east-1:", false)]
    [InlineData("arn:other:sns:us-east-1:123456789012:alerts", false)]
    [InlineData("ARN:AWS:SNS:us-east-1:123456789012:alerts", false)]
    public void LooksLikeArn(string value, bool expected) => Assert.Equal(expected, ResourceSlots.LooksLikeArn(value));

    [Theory]
    [InlineData("https://sqs.us-east-1.amazonaws.com/123456789012/orders", true)]
    [InlineData("https://sqs.cn-north-1.amazonaws.com.cn/123456789012/orders.fifo", true)]
    [InlineData("https://us-west-2.queue.amazonaws.com/123456789012/legacy", true)]
    [InlineData("https://sqs.us-east-1.amazonaws.com/", false)]
    [InlineData("https://sqs.us-east-1.amazonaws.com/1234/orders", false)]
    [InlineData("https://example.com/123456789012/orders", false)]
    [InlineData("http://localhost:4566/000000000000/orders", false)]
    public void LooksLikeQueueUrl(string value, bool expected) => Assert.Equal(expected, ResourceSlots.LooksLikeQueueUrl(value));
}
