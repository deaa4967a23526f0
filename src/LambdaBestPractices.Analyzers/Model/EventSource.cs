using System;

namespace LambdaBestPractices.Analyzers.Model;

/// <summary>
/// What triggers a handler, read from the type of its event parameter (or an Annotations event attribute).
/// Flags, so the handler model can say which sources reach a method through the call graph.
/// </summary>
[Flags]
internal enum EventSources
{
    None = 0,

    /// <summary>A handler whose source the model cannot name (a POCO or stream input).</summary>
    Unknown = 1 << 0,
    Sqs = 1 << 1,
    Sns = 1 << 2,
    S3 = 1 << 3,
    Kinesis = 1 << 4,
    DynamoDBStream = 1 << 5,
    EventBridge = 1 << 6,
    Kafka = 1 << 7,
    ApiGateway = 1 << 8,
    ApplicationLoadBalancer = 1 << 9,

    /// <summary>Sources that deliver at least once: a retried or duplicated event replays the handler.</summary>
    AtLeastOnce = Sqs | Sns | S3 | Kinesis | DynamoDBStream | EventBridge | Kafka,
}
