package com.minichat.adapters.mongo.job;

import com.minichat.adapters.mongo.MongoErrors;
import com.minichat.adapters.mongo.MongoSchema;
import com.minichat.application.port.out.job.JobRuns;
import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import org.bson.Document;

/**
 * Once-per-period claims in the {@code jobRuns} collection: the document id is {@code job|period},
 * so the unique primary key lets exactly one instance insert it.
 */
public final class MongoJobRuns implements JobRuns {
  private final MongoCollection<Document> runs;

  public MongoJobRuns(MongoDatabase database) {
    this.runs = database.getCollection(MongoSchema.JOB_RUNS);
  }

  @Override
  public boolean claim(String job, String period, Instant at) {
    Document run =
        new Document(MongoSchema.ID, job + "|" + period)
            .append("job", job)
            .append("period", period)
            .append(MongoSchema.CREATED_AT, MongoSchema.toDate(at))
            .append(MongoSchema.UPDATED_AT, MongoSchema.toDate(at))
            .append(MongoSchema.SCHEMA_VERSION, MongoSchema.CURRENT_SCHEMA_VERSION);
    try {
      runs.insertOne(run);
      return true;
    } catch (MongoException e) {
      if (MongoErrors.isDuplicateKey(e)) {
        return false;
      }
      throw MongoErrors.translate("claim job run", "already claimed", e);
    }
  }
}
