// Mirrors NuGet package: Amazon.Lambda.KafkaEvents (release current in the reference listing, July 2026;
// the reference does not pin a version number).
// TEST/SAMPLE STUB of the public API surface only: namespaces, nesting, member names and types follow the
// published package; this is NOT the real implementation.
// Checked against shared/reference/amazon-lambda-api.txt.
// Requires: none
// Nullable: the real assembly is nullable-oblivious, so this file is too (#nullable disable).

#nullable disable

using System.Collections.Generic;
using System.IO;

namespace Amazon.Lambda.KafkaEvents
{
    public class KafkaEvent
    {
        public string EventSource { get; set; }

        public string EventSourceArn { get; set; }

        public string BootstrapServers { get; set; }

        public IDictionary<string, IList<KafkaEventRecord>> Records { get; set; }

        public class KafkaEventRecord
        {
            public string Topic { get; set; }

            public int Partition { get; set; }

            public long Offset { get; set; }

            public long Timestamp { get; set; }

            public string TimestampType { get; set; }

            public string Key { get; set; }

            public MemoryStream Value { get; set; }

            public IList<IDictionary<string, sbyte[]>> Headers { get; set; }
        }
    }
}
