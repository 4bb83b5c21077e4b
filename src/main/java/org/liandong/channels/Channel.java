package org.liandong.channels;

/** A way to reach people away from their desks (issue 23, R6.3). */
public enum Channel {

	SMS("短信", true),
	EMAIL("电子邮件", true),
	WECOM("企业微信群机器人", false),
	DINGTALK("钉钉群机器人", false);

	private final String label;
	private final boolean personal;

	Channel(String label, boolean personal) {
		this.label = label;
		this.personal = personal;
	}

	public String label() {
		return label;
	}

	/** To a person's number or address; the others post to a bureau's group. */
	public boolean personal() {
		return personal;
	}
}
