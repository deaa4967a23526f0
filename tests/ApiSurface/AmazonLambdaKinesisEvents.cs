// Mirrors NuGet package: Amazon.Lambda.KinesisEvents 4.0.0.
// TEST/SAMPLE STUB of the public API surface only: namespaces, nesting, member names and types follow the
// published package; this is NOT the real implementation.
// Checked against shared/reference/amazon-lambda-api.txt. KinesisEvent.Record derives from
// Amazon.Kinesis.Model.Record (AWSSDK.Kinesis), which supplies Data/PartitionKey/SequenceNumber/...
// Note the capitalisation KinesisEventRecord.EventSourceARN (not ...Arn as in the other event packages).
// Not stubbed: the Converters namespace.
// Requires: AwsSdkKinesis.cs
// Nullable: the real assembly is nullable-oblivious, so this file is too (#nullable disable).

#nullable disable

using System;
using System.Collections.Generic;

namespace Amazon.Lambda.KinesisEvents
{
    public class KinesisEvent
    {
        public IList<KinesisEventRecord> Records { get; set; }

        public class KinesisEventRecord
        {
            public string AwsRegion { get; set; }

            public string EventId { get; set; }

            public string EventName { get; set; }

            public string EventSource { get; set; }

            public string EventSourceARN { get; set; }

            public string EventVersion { get; set; }

            public string InvokeIdentityArn { get; set; }

            public Record Kinesis { get; set; }
        }

        public class Record : global::Amazon.Kinesis.Model.Record
        {
            public string KinesisSchemaVersion { get; set; }
        }
    }

    public class KinesisTimeWindowEvent : KinesisEvent
    {
        public TimeWindow Window { get; set; }

        public Dictionary<string, string> State { get; set; }

        public string ShardId { get; set; }

        public string EventSourceARN { get; set; }

        public bool? IsFinalInvokeForWindow { get; set; }

        public bool? IsWindowTerminatedEarly { get; set; }

        public class TimeWindow
        {
            public DateTime Start { get; set; }

            public DateTime End { get; set; }
        }
    }

    public class KinesisTimeWindowResponse
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
