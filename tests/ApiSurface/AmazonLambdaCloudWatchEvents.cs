// Mirrors NuGet package: Amazon.Lambda.CloudWatchEvents (release current in the reference listing, July 2026;
// the reference does not pin a version number).
// TEST/SAMPLE STUB of the public API surface only: namespaces, nesting, member names and types follow the
// published package; this is NOT the real implementation.
// Checked against shared/reference/amazon-lambda-api.txt. Only the generic envelope and the scheduled event are
// stubbed; the Batch/ECS/S3/Transcribe/Translate detail types of this package are not.
// Requires: none
// Nullable: the real assembly is nullable-oblivious, so this file is too (#nullable disable).

#nullable disable

using System;
using System.Collections.Generic;

namespace Amazon.Lambda.CloudWatchEvents
{
    public class CloudWatchEvent<T>
    {
        public string Version { get; set; }

        public string Account { get; set; }

        public string Region { get; set; }

        public T Detail { get; set; }

        public string DetailType { get; set; }

        public string Source { get; set; }

        public DateTime Time { get; set; }

        public string Id { get; set; }

        public List<string> Resources { get; set; }
    }
}

namespace Amazon.Lambda.CloudWatchEvents.ScheduledEvents
{
    public class ScheduledEvent : CloudWatchEvent<Detail>
    {
    }

    public class Detail
    {
    }
}
