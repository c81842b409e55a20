package com.minichat.application.port.in.email;

import com.minichat.application.port.out.email.EmailMessage;
import java.util.List;

/** The development outbox: mails that were kept instead of sent (development only). */
public interface ReadOutboxUseCase {
  /** The kept mails, newest first. */
  List<EmailMessage> recent();
}
