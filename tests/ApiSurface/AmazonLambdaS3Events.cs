// Mirrors NuGet package: Amazon.Lambda.S3Events 4.0.0.
// TEST/SAMPLE STUB of the public API surface only: namespaces, nesting, member names and types follow the
// published package; this is NOT the real implementation.
// Checked against shared/reference/amazon-lambda-api.txt. Since 3.0 the record/entity types are nested in
// S3Event (before 3.0, S3Event derived from Amazon.S3.Util.S3EventNotification in AWSSDK.S3).
// Requires: none
// Nullable: the real assembly is nullable-oblivious, so this file is too (#nullable disable).

#nullable disable

using System;
using System.Collections.Generic;

namespace Amazon.Lambda.S3Events
{
    public class S3Event
    {
        public List<S3EventNotificationRecord> Records { get; set; }

        public class S3EventNotificationRecord
        {
            public string AwsRegion { get; set; }

            public string EventName { get; set; }

            public string EventSource { get; set; }

            public DateTime EventTime { get; set; }

            public string EventVersion { get; set; }

            public RequestParametersEntity RequestParameters { get; set; }

            public ResponseElementsEntity ResponseElements { get; set; }

            public S3Entity S3 { get; set; }

            public UserIdentityEntity UserIdentity { get; set; }

            public S3GlacierEventDataEntity GlacierEventData { get; set; }
        }

        public class S3Entity
        {
            public string ConfigurationId { get; set; }

            public S3BucketEntity Bucket { get; set; }

            public S3ObjectEntity Object { get; set; }

            public string S3SchemaVersion { get; set; }
        }

        public class S3BucketEntity
        {
            public string Name { get; set; }

            public UserIdentityEntity OwnerIdentity { get; set; }

            public string Arn { get; set; }
        }

        public class S3ObjectEntity
        {
            public string Key { get; set; }

            public string KeyDecoded => throw null!;

            public long Size { get; set; }

            public string ETag { get; set; }

            public string VersionId { get; set; }

            public string Sequencer { get; set; }
        }

        public class UserIdentityEntity
        {
            public string PrincipalId { get; set; }
        }

        public class RequestParametersEntity
        {
            public string SourceIPAddress { get; set; }
        }

        public class ResponseElementsEntity
        {
            public string XAmzId2 { get; set; }

            public string XAmzRequestId { get; set; }
        }

        public class S3GlacierEventDataEntity
        {
            public S3RestoreEventDataEntity RestoreEventData { get; set; }
        }

        public class S3RestoreEventDataEntity
        {
            public DateTime LifecycleRestorationExpiryTime { get; set; }

            public string LifecycleRestoreStorageClass { get; set; }
        }
    }
}
