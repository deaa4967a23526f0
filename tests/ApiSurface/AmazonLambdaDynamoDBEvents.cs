// Mirrors NuGet package: Amazon.Lambda.DynamoDBEvents 4.0.0.
// TEST/SAMPLE STUB of the public API surface only: namespaces, nesting, member names and types follow the
// published package; this is NOT the real implementation.
// Checked against shared/reference/amazon-lambda-api.txt. Since 3.0 the record types are nested in
// DynamoDBEvent (before 3.0, DynamodbStreamRecord derived from Amazon.DynamoDBv2.Model.Record in AWSSDK.DynamoDBv2).
// Not stubbed: ExtensionMethods (ToJson/ToJsonPretty) and the Converters namespace.
// Requires: none
// Nullable: the real assembly is nullable-oblivious, so this file is too (#nullable disable).

#nullable disable

using System;
using System.Collections.Generic;
using System.IO;

namespace Amazon.Lambda.DynamoDBEvents
{
    public class DynamoDBEvent
    {
        public IList<DynamodbStreamRecord> Records { get; set; }

        public class DynamodbStreamRecord
        {
            public string EventSourceArn { get; set; }

            public string AwsRegion { get; set; }

            public StreamRecord Dynamodb { get; set; }

            public string EventID { get; set; }

            public string EventName { get; set; }

            public string EventSource { get; set; }

            public string EventVersion { get; set; }

            public Identity UserIdentity { get; set; }
        }

        public class StreamRecord
        {
            public DateTime ApproximateCreationDateTime { get; set; }

            public Dictionary<string, AttributeValue> Keys { get; set; }

            public Dictionary<string, AttributeValue> NewImage { get; set; }

            public Dictionary<string, AttributeValue> OldImage { get; set; }

            public string SequenceNumber { get; set; }

            public long SizeBytes { get; set; }

            public string StreamViewType { get; set; }
        }

        public class Identity
        {
            public string PrincipalId { get; set; }

            public string Type { get; set; }
        }

        public class AttributeValue
        {
            public MemoryStream B { get; set; }

            public bool? BOOL { get; set; }

            public List<MemoryStream> BS { get; set; }

            public List<AttributeValue> L { get; set; }

            public Dictionary<string, AttributeValue> M { get; set; }

            public string N { get; set; }

            public List<string> NS { get; set; }

            public bool? NULL { get; set; }

            public string S { get; set; }

            public List<string> SS { get; set; }
        }
    }

    public class DynamoDBTimeWindowEvent : DynamoDBEvent
    {
        public TimeWindow Window { get; set; }

        public Dictionary<string, string> State { get; set; }

        public string ShardId { get; set; }

        public string EventSourceArn { get; set; }

        public bool? IsFinalInvokeForWindow { get; set; }

        public bool? IsWindowTerminatedEarly { get; set; }

        public class TimeWindow
        {
            public DateTime Start { get; set; }

            public DateTime End { get; set; }
        }
    }

    public class DynamoDBTimeWindowResponse
    {
        public Dictionary<string, string> State { get; set; }

        public IList<BatchItemFailure> BatchItemFailures { get; set; }

        public class BatchItemFailure
        {
            public string ItemIdentifier { get; set; }
        }
    }

    public class StreamsEventResponse
    {
        public IList<BatchItemFailure> BatchItemFailures { get; set; }

        public class BatchItemFailure
        {
            public string ItemIdentifier { get; set; }
        }
    }
}
