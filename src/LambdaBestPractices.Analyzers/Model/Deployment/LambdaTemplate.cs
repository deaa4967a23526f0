using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;

namespace LambdaBestPractices.Analyzers.Model.Deployment;

/// <summary>
/// Reads the Lambda functions of a CloudFormation or SAM template (JSON or YAML, one tree shape: see <see cref="TemplateNode"/>):
/// <list type="bullet">
/// <item><c>AWS::Serverless::Function</c> and <c>AWS::Lambda::Function</c>: <c>Handler</c>, <c>Environment.Variables</c>,
/// <c>SnapStart.ApplyOn</c>, with SAM's <c>Globals.Function</c> under the function's own values;</item>
/// <item>event sources: a SAM function's <c>Events</c> (their <c>Type</c>, and the queue, bucket, topic or stream they name),
/// <c>FunctionUrlConfig</c>, and the resources that connect a function elsewhere in the template:
/// <c>AWS::Lambda::EventSourceMapping</c>, <c>AWS::Lambda::Permission</c> (by its service principal),
/// <c>AWS::SNS::Subscription</c> and a topic's <c>Subscription</c>, <c>AWS::Events::Rule</c> and <c>AWS::Scheduler::Schedule</c>
/// targets, and an <c>AWS::S3::Bucket</c>'s <c>LambdaConfigurations</c>.</item>
/// </list>
/// Anything missing, of another shape or of an unknown type is skipped: a partial template gives what it says.
/// </summary>
internal static class LambdaTemplate
{
    private const string ServerlessFunction = "AWS::Serverless::Function";
    private const string LambdaFunction = "AWS::Lambda::Function";

    public static ImmutableArray<DeployedFunction> Read(DeploymentFile file, CancellationToken cancellationToken)
    {
        if (file.Root?["Resources"] is not TemplateMap resources)
        {
            return ImmutableArray<DeployedFunction>.Empty;
        }

        var globals = file.Root["Globals"]?["Function"] as TemplateMap;
        var connections = Connections(resources, cancellationToken);
        var functions = ImmutableArray.CreateBuilder<DeployedFunction>();
        foreach (var resource in resources.Entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var type = resource.Value["Type"]?.Text;
            if (type is not (ServerlessFunction or LambdaFunction))
            {
                continue;
            }

            var properties = resource.Value["Properties"] as TemplateMap;
            var serverless = type == ServerlessFunction;
            var functionGlobals = serverless ? globals : null;
            var id = resource.Key.Value;
            var sources = EventSources.None;
            var triggers = ImmutableArray.CreateBuilder<string>();
            if (serverless)
            {
                ReadEvents(properties?["Events"] as TemplateMap, resources, ref sources, triggers);
            }

            if (properties?["FunctionUrlConfig"] is not null || functionGlobals?["FunctionUrlConfig"] is not null)
            {
                sources |= EventSources.ApiGateway;
            }

            if (connections.TryGetValue(id, out var connected))
            {
                sources |= connected.Sources;
                triggers.AddRange(connected.Triggers);
            }

            functions.Add(new DeployedFunction(
                file,
                id,
                resource.Key.Span,
                (properties?["Handler"] ?? functionGlobals?["Handler"]) as TemplateScalar,
                Variables(file, functionGlobals, properties),
                sources,
                triggers.ToImmutable(),
                IsSnapStart(properties?["SnapStart"] ?? functionGlobals?["SnapStart"]),
                (properties?["Runtime"] ?? functionGlobals?["Runtime"])?.Text,
                serverless ? (properties?["CodeUri"] ?? functionGlobals?["CodeUri"])?.Text : null));
        }

        return functions.ToImmutable();
    }

    /// <summary>
    /// The logical ID an intrinsic names: <c>{"Ref": X}</c>, <c>{"Fn::GetAtt": "X.Arn"}</c> or <c>["X", "Arn"]</c>, or a
    /// <c>Fn::Sub</c> that is one reference alone (<c>"${X}"</c>, <c>"${X.Arn}"</c>). Pseudo parameters (<c>AWS::...</c>) name none.
    /// </summary>
    public static string? ReferencedId(TemplateNode? node)
    {
        if (node is not TemplateMap { Entries.Count: 1 } map)
        {
            return null;
        }

        var entry = map.Entries[0];
        switch (entry.Key.Value)
        {
            case "Ref":
                return entry.Value.Text is { Length: > 0 } id && !id.StartsWith("AWS::", StringComparison.Ordinal) ? id : null;
            case "Fn::Sub" when entry.Value.Text is { Length: > 3 } text && text.StartsWith("${", StringComparison.Ordinal) && text.IndexOf('}') == text.Length - 1:
                var inner = text.Substring(2, text.Length - 3);
                var end = inner.IndexOf('.');
                var name = end < 0 ? inner : inner.Substring(0, end);
                return name.Length > 0 && !name.StartsWith("AWS::", StringComparison.Ordinal) ? name : null;
            case "Fn::GetAtt":
                if (entry.Value.Text is { } dotted)
                {
                    var dot = dotted.IndexOf('.');
                    return dot > 0 ? dotted.Substring(0, dot) : null;
                }

                return entry.Value is TemplateSequence { Items.Count: >= 1 } parts ? parts.Items[0].Text : null;
            default:
                return null;
        }
    }

    private static ImmutableArray<DeployedVariable> Variables(DeploymentFile file, TemplateMap? globals, TemplateMap? properties)
    {
        var own = properties?["Environment"]?["Variables"] as TemplateMap;
        var shared = globals?["Environment"]?["Variables"] as TemplateMap;
        if (own is null && shared is null)
        {
            return ImmutableArray<DeployedVariable>.Empty;
        }

        var variables = ImmutableArray.CreateBuilder<DeployedVariable>();
        if (shared is not null)
        {
            foreach (var entry in shared.Entries)
            {
                if (own?.Get(entry.Key.Value) is null)
                {
                    variables.Add(new DeployedVariable(file, entry.Key.Value, entry.Key.Span, entry.Value));
                }
            }
        }

        if (own is not null)
        {
            foreach (var entry in own.Entries)
            {
                variables.Add(new DeployedVariable(file, entry.Key.Value, entry.Key.Span, entry.Value));
            }
        }

        return variables.ToImmutable();
    }

    private static bool IsSnapStart(TemplateNode? snapStart) =>
        string.Equals(snapStart?["ApplyOn"]?.Text, "PublishedVersions", StringComparison.OrdinalIgnoreCase);

    /// <summary>A SAM function's <c>Events</c>: each event's <c>Type</c>, and the resource its properties name.</summary>
    private static void ReadEvents(TemplateMap? events, TemplateMap resources, ref EventSources sources, ImmutableArray<string>.Builder triggers)
    {
        if (events is null)
        {
            return;
        }

        foreach (var entry in events.Entries)
        {
            var source = SourceOfEventType(entry.Value["Type"]?.Text);
            if (source == EventSources.None)
            {
                continue;
            }

            sources |= source;
            var properties = entry.Value["Properties"];

            // A filtered trigger (an S3 event's key Filter, a stream's or queue's FilterCriteria) may be what stops a
            // write-back from triggering the function again: the resource is not counted as a trigger LBP201 can judge.
            if (properties?["Filter"] is not null || properties?["FilterCriteria"] is not null)
            {
                continue;
            }

            foreach (var key in TriggerKeys)
            {
                if (ReferencedId(properties?[key]) is { } trigger && resources.Get(trigger) is not null)
                {
                    triggers.Add(trigger);
                }
            }
        }
    }

    private static readonly string[] TriggerKeys = { "Queue", "Bucket", "Topic", "Stream", "Broker", "Cluster" };

    /// <summary>SAM's event types (<c>AWS::Serverless::Function</c> <c>Events.*.Type</c>).</summary>
    internal static EventSources SourceOfEventType(string? type) => type switch
    {
        "SQS" => EventSources.Sqs,
        "SNS" => EventSources.Sns,
        "S3" => EventSources.S3,
        "Kinesis" => EventSources.Kinesis,
        "DynamoDB" => EventSources.DynamoDBStream,
        "Schedule" or "ScheduleV2" or "CloudWatchEvent" or "EventBridgeRule" => EventSources.EventBridge,
        "MSK" or "SelfManagedKafka" => EventSources.Kafka,
        "Api" or "HttpApi" => EventSources.ApiGateway,
        null => EventSources.None,
        _ => EventSources.Unknown,
    };

    /// <summary>What the template's other resources connect to each function (by its logical ID).</summary>
    private static Dictionary<string, (EventSources Sources, List<string> Triggers)> Connections(TemplateMap resources, CancellationToken cancellationToken)
    {
        var connections = new Dictionary<string, (EventSources Sources, List<string> Triggers)>(StringComparer.Ordinal);
        foreach (var resource in resources.Entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var properties = resource.Value["Properties"];
            switch (resource.Value["Type"]?.Text)
            {
                case "AWS::Lambda::EventSourceMapping":
                    var sourceId = ReferencedId(properties?["EventSourceArn"]);
                    var mapped = sourceId is not null ? SourceOfResourceType(resources.Get(sourceId)?["Type"]?.Text) : SourceOfArn(properties?["EventSourceArn"]?.Text);
                    Connect(connections, properties?["FunctionName"], mapped, properties?["FilterCriteria"] is null ? sourceId : null);
                    break;
                case "AWS::Lambda::Permission":
                    Connect(connections, properties?["FunctionName"], SourceOfPrincipal(properties?["Principal"]?.Text), ReferencedId(properties?["SourceArn"]));
                    break;
                case "AWS::SNS::Subscription" when string.Equals(properties?["Protocol"]?.Text, "lambda", StringComparison.OrdinalIgnoreCase):
                    Connect(connections, properties?["Endpoint"], EventSources.Sns, ReferencedId(properties?["TopicArn"]));
                    break;
                case "AWS::SNS::Topic" when (properties?["Subscription"]) is TemplateSequence subscriptions:
                    foreach (var subscription in subscriptions.Items)
                    {
                        if (string.Equals(subscription["Protocol"]?.Text, "lambda", StringComparison.OrdinalIgnoreCase))
                        {
                            Connect(connections, subscription["Endpoint"], EventSources.Sns, resource.Key.Value);
                        }
                    }

                    break;
                case "AWS::Events::Rule" when (properties?["Targets"]) is TemplateSequence targets:
                    foreach (var target in targets.Items)
                    {
                        Connect(connections, target["Arn"], EventSources.EventBridge, resource.Key.Value);
                    }

                    break;
                case "AWS::Scheduler::Schedule":
                    Connect(connections, properties?["Target"]?["Arn"], EventSources.EventBridge, resource.Key.Value);
                    break;
                case "AWS::S3::Bucket" when (properties?["NotificationConfiguration"]?["LambdaConfigurations"]) is TemplateSequence notifications:
                    foreach (var notification in notifications.Items)
                    {
                        Connect(connections, notification["Function"], EventSources.S3, notification["Filter"] is null ? resource.Key.Value : null);
                    }

                    break;
            }
        }

        return connections;
    }

    private static void Connect(Dictionary<string, (EventSources Sources, List<string> Triggers)> connections, TemplateNode? function, EventSources source, string? trigger)
    {
        // The function by intrinsic, or by its logical ID written as a string (a physical name cannot be matched).
        var id = ReferencedId(function) ?? function?.Text;
        if (id is null || source == EventSources.None)
        {
            return;
        }

        if (!connections.TryGetValue(id, out var known))
        {
            known = (EventSources.None, new List<string>());
        }

        if (trigger is not null)
        {
            known.Triggers.Add(trigger);
        }

        connections[id] = (known.Sources | source, known.Triggers);
    }

    private static EventSources SourceOfResourceType(string? type) => type switch
    {
        "AWS::SQS::Queue" => EventSources.Sqs,
        "AWS::Kinesis::Stream" => EventSources.Kinesis,
        "AWS::DynamoDB::Table" or "AWS::DynamoDB::GlobalTable" => EventSources.DynamoDBStream,
        "AWS::MSK::Cluster" or "AWS::MSK::ServerlessCluster" => EventSources.Kafka,
        _ => EventSources.Unknown,
    };

    private static EventSources SourceOfArn(string? arn) =>
        arn is null ? EventSources.Unknown
        : arn.StartsWith("arn:aws:sqs:", StringComparison.Ordinal) ? EventSources.Sqs
        : arn.StartsWith("arn:aws:kinesis:", StringComparison.Ordinal) ? EventSources.Kinesis
        : arn.StartsWith("arn:aws:dynamodb:", StringComparison.Ordinal) ? EventSources.DynamoDBStream
        : arn.StartsWith("arn:aws:kafka:", StringComparison.Ordinal) ? EventSources.Kafka
        : EventSources.Unknown;

    private static EventSources SourceOfPrincipal(string? principal) => principal switch
    {
        "s3.amazonaws.com" => EventSources.S3,
        "sns.amazonaws.com" => EventSources.Sns,
        "sqs.amazonaws.com" => EventSources.Sqs,
        "events.amazonaws.com" or "scheduler.amazonaws.com" => EventSources.EventBridge,
        "apigateway.amazonaws.com" => EventSources.ApiGateway,
        "elasticloadbalancing.amazonaws.com" => EventSources.ApplicationLoadBalancer,
        _ => EventSources.None,
    };
}
