// Mirrors NuGet package: Amazon.Lambda.SQSEvents 3.0.0.
// TEST/SAMPLE STUB of the public API surface only: namespaces, nesting, member names and types follow the
// published package; this is NOT the real implementation.
// Checked against shared/reference/amazon-lambda-api.txt.
// Requires: none
// Nullable: the real assembly is nullable-oblivious, so this file is too (#nullable disable).

#nullable disable

using System.Collections.Generic;
using System.IO;

namespace Amazon.Lambda.SQSEvents
{
    public class SQSEvent
    {
        public List<SQSMessage> Records { get; set; }

        public class MessageAttribute
        {
            public string StringValue { get; set; }

            public MemoryStream BinaryValue { get; set; }

            public List<string> StringListValues { get; set; }

            public List<MemoryStream> BinaryListValues { get; set; }

            public string DataType { get; set; }
        }

        public class SQSMessage
        {
            public string MessageId { get; set; }

            public string ReceiptHandle { get; set; }

            public string Body { get; set; }

            public string Md5OfBody { get; set; }

            public string Md5OfMessageAttributes { get; set; }

            public string EventSourceArn { get; set; }

            public string EventSource { get; set; }

            public string AwsRegion { get; set; }

            public Dictionary<string, string> Attributes { get; set; }

            public Dictionary<string, MessageAttribute> MessageAttributes { get; set; }
        }
    }

    public class SQSBatchResponse
    {
        public SQSBatchResponse() { }

        public SQSBatchResponse(List<BatchItemFailure> batchItemFailures) { }

        public List<BatchItemFailure> BatchItemFailures { get; set; }

        public class BatchItemFailure
        {
            public string ItemIdentifier { get; set; }
        }
    }
}
