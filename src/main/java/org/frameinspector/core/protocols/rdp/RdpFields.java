package org.frameinspector.core.protocols.rdp;

import org.frameinspector.core.model.FieldDef;
import org.frameinspector.core.model.FieldKind;
import org.frameinspector.core.model.ProtocolDef;
import org.frameinspector.core.model.ValueNames;

/**
 * The fields of rdp, t124, t125, tls, each declared once: abbreviation (Wireshark's where it has one), name, type,
 * display base, bit mask and kind. The dissectors build their fields from these constants; the display filter, the
 * JSON output, the exports and docs/FIELDS.md read them.
 */
public final class RdpFields {
    private RdpFields() {
    }

    public static final ProtocolDef RDP = ProtocolDef.of("rdp", "Remote Desktop Protocol");
    public static final ProtocolDef T124 = ProtocolDef.of("t124", "GENERIC-CONFERENCE-CONTROL T.124");
    public static final ProtocolDef T125 = ProtocolDef.of("t125", "MULTIPOINT-COMMUNICATION-SERVICE T.125");
    public static final ProtocolDef TLS = ProtocolDef.of("tls", "Transport Layer Security (not decoded)");

    public static final FieldDef RDP_X224_PARAMETERS = RDP.label("rdp.x224_parameters", "X.224 parameters before the RDP data").add();
    public static final FieldDef RDP_X224_PARAMETER = RDP.label("rdp.x224_parameter", "X.224 parameter").add();
    public static final FieldDef RDP_X224_PARAMETER_CODE = RDP.uint("rdp.x224_parameter.code", "Parameter code").hex().add();
    public static final FieldDef RDP_X224_PARAMETER_LENGTH = RDP.uint("rdp.x224_parameter.length", "Parameter length").add();
    public static final FieldDef RDP_X224_PARAMETER_VALUE = RDP.bytes("rdp.x224_parameter.value", "Parameter value").add();
    public static final FieldDef RDP_RT_COOKIE = RDP.string("rdp.rt_cookie", "Routing Token/Cookie").add();
    public static final FieldDef RDP_RT_COOKIE_TERMINATOR = RDP.string("rdp.rt_cookie.terminator", "Cookie terminator (CR LF)").add();
    public static final FieldDef RDP_UNKNOWN_DATA = RDP.bytes("rdp.unknown_data", "Unrecognised data in the X.224 variable part").payload().add();
    public static final FieldDef RDP_NEG_TYPE = RDP.uint("rdp.neg_type", "Type").add();
    public static final FieldDef RDP_NEG_REQ_FLAGS = RDP.uint("rdp.negReq.flags", "Flags").hex().add();
    public static final FieldDef RDP_NEG_REQ_FLAGS_RESTRICTED_ADMIN_MODE_REQ = RDP.uint("rdp.negReq.flags.restricted_admin_mode_req", "Restricted admin mode required").mask(0x01).add();
    public static final FieldDef RDP_NEG_REQ_FLAGS_REDIRECTED_AUTHENTICATION_MODE_REQ = RDP.uint("rdp.negReq.flags.redirected_authentication_mode_req", "Redirected authentication mode required").mask(0x02).add();
    public static final FieldDef RDP_NEG_REQ_FLAGS_CORRELATION_INFO_PRESENT = RDP.uint("rdp.negReq.flags.correlation_info_present", "Correlation info present").mask(0x08).add();
    public static final FieldDef RDP_NEG_RSP_FLAGS = RDP.uint("rdp.negRsp.flags", "Flags").hex().add();
    public static final FieldDef RDP_NEG_RSP_FLAGS_EXTENDED_CLIENT_DATA_SUPPORTED = RDP.uint("rdp.negRsp.flags.extended_client_data_supported", "Extended Client Data Blocks supported").mask(0x01).add();
    public static final FieldDef RDP_NEG_RSP_FLAGS_DYNVC_GFX_PROTOCOL_SUPPORTED = RDP.uint("rdp.negRsp.flags.dynvc_gfx_protocol_supported", "Graphics Pipeline Extension Protocol supported").mask(0x02).add();
    public static final FieldDef RDP_NEG_RSP_FLAGS_RESERVED = RDP.uint("rdp.negRsp.flags.reserved", "NEGRSP_FLAG_RESERVED").mask(0x04).add();
    public static final FieldDef RDP_NEG_RSP_FLAGS_RESTRICTED_ADMIN_MODE_SUPPORTED = RDP.uint("rdp.negRsp.flags.restricted_admin_mode_supported", "Restricted admin mode supported").mask(0x08).add();
    public static final FieldDef RDP_NEG_RSP_FLAGS_RESTRICTED_AUTHENTICATION_MODE_SUPPORTED = RDP.uint("rdp.negRsp.flags.restricted_authentication_mode_supported", "Restricted authentication mode supported").mask(0x10).add();
    public static final FieldDef RDP_CORRELATION_INFO_FLAGS = RDP.uint("rdp.correlationInfo.flags", "Flags").hex().add();
    public static final FieldDef RDP_NEG_LENGTH = RDP.uint("rdp.neg_length", "Length").add();
    public static final FieldDef RDP_NEG_LENGTH_HIGH = RDP.uint("rdp.neg_length.high", "Length (high byte)").add();
    public static final FieldDef RDP_NEG_REQ_REQUESTED_PROTOCOLS = RDP.uint("rdp.negReq.requestedProtocols", "requestedProtocols").add();
    public static final FieldDef RDP_NEG_REQ_REQUESTED_PROTOCOLS_SSL = RDP.uint("rdp.negReq.requestedProtocols.ssl", "TLS security supported").add();
    public static final FieldDef RDP_NEG_REQ_REQUESTED_PROTOCOLS_HYBRID = RDP.uint("rdp.negReq.requestedProtocols.hybrid", "CredSSP supported").add();
    public static final FieldDef RDP_NEG_REQ_REQUESTED_PROTOCOLS_RDSTLS = RDP.uint("rdp.negReq.requestedProtocols.rdstls", "RDSTLS supported").add();
    public static final FieldDef RDP_NEG_REQ_REQUESTED_PROTOCOLS_HYBRID_EX = RDP.uint("rdp.negReq.requestedProtocols.hybrid_ex", "CredSSP with Early User Authorization Result PDU supported").add();
    public static final FieldDef RDP_NEG_REQ_REQUESTED_PROTOCOLS_RDSAAD = RDP.uint("rdp.negReq.requestedProtocols.rdsaad", "RDSAAD supported").add();
    public static final FieldDef RDP_NEG_REQ_SELECTED_PROTOCOL = RDP.uint("rdp.negReq.selectedProtocol", "selectedProtocol").add();
    public static final FieldDef RDP_NEG_FAILURE_FAILURE_CODE = RDP.uint("rdp.negFailure.failureCode", "failureCode").add();
    public static final FieldDef RDP_CORRELATION_INFO_CORRELATION_ID = RDP.bytes("rdp.correlationInfo.correlationId", "correlationId").add();
    public static final FieldDef RDP_CORRELATION_INFO_RESERVED = RDP.bytes("rdp.correlationInfo.reserved", "Reserved").reserved().add();
    public static final FieldDef RDP_FASTPATH_UNDECODED = RDP.bytes("rdp.fastpath.undecoded", "Bytes that do not start a fast-path PDU").payload().add();
    public static final FieldDef RDP_FASTPATH_HEADER = RDP.uint("rdp.fastpath.header", "Header").add();
    public static final FieldDef RDP_FASTPATH_ACTION = RDP.uint("rdp.fastpath.action", "Action").mask(0x03).add();
    public static final FieldDef RDP_FASTPATH_NUMEVENTS = RDP.uint("rdp.fastpath.numevents", "numEvents").mask(0x3C).add();
    public static final FieldDef RDP_FASTPATH_RESERVED = RDP.uint("rdp.fastpath.reserved", "Reserved").mask(0x3C).reserved().add();
    public static final FieldDef RDP_FASTPATH_FLAGS = RDP.uint("rdp.fastpath.flags", "flags").mask(0xC0).add();
    public static final FieldDef RDP_FASTPATH_PDULENGTH = RDP.uint("rdp.fastpathPDULength", "fastpathPDULength").add();
    public static final FieldDef RDP_FASTPATH_DATA_SIGNATURE = RDP.bytes("rdp.fastpath.dataSignature", "dataSignature (MAC of the decrypted data)").add();
    public static final FieldDef RDP_FASTPATH_NUMBER_EVENTS = RDP.uint("rdp.fastpath.numberEvents", "numberEvents").add();
    public static final FieldDef RDP_FASTPATH_UNKNOWNEVENT = RDP.uint("rdp.fastpath.unknownevent", "Input event header with an event code not decoded here").add();
    public static final FieldDef RDP_FASTPATH_EVENT = RDP.label("rdp.fastpath.event", "Input event (ciphertext read as an event, as Wireshark does; values are not meaningful)").add();
    public static final FieldDef RDP_FASTPATH_EVENTHEADER = RDP.uint("rdp.fastpath.eventheader", "EventHeaderCode").add();
    public static final FieldDef RDP_FASTPATH_SCANCODE_RELEASE = RDP.uint("rdp.fastpath.scancode.release", "Release").mask(0x01).add();
    public static final FieldDef RDP_FASTPATH_SCANCODE_EXTENDED = RDP.uint("rdp.fastpath.scancode.extended", "Extended").mask(0x02).add();
    public static final FieldDef RDP_FASTPATH_SCANCODE_EXTENDED1 = RDP.uint("rdp.fastpath.scancode.extended1", "Extended1").mask(0x04).add();
    public static final FieldDef RDP_FASTPATH_SCANCODE_KEYCODE = RDP.uint("rdp.fastpath.scancode.keycode", "KeyCode").hex().add();
    public static final FieldDef RDP_POINTERFLAGS = RDP.uint("rdp.pointerflags", "pointerFlags").add();
    public static final FieldDef RDP_POINTERFLAGS_MOVE = RDP.uint("rdp.pointerflags.move", "Move").add();
    public static final FieldDef RDP_POINTERFLAGS_DOWN = RDP.uint("rdp.pointerflags.down", "Down").add();
    public static final FieldDef RDP_POINTERFLAGS_BUTTON1 = RDP.uint("rdp.pointerflags.button1", "Button1").add();
    public static final FieldDef RDP_POINTERFLAGS_BUTTON2 = RDP.uint("rdp.pointerflags.button2", "Button2").add();
    public static final FieldDef RDP_POINTERFLAGS_BUTTON3 = RDP.uint("rdp.pointerflags.button3", "Button3").add();
    public static final FieldDef RDP_POINTERFLAGS_WHEELROTATION = RDP.uint("rdp.pointerflags.wheelrotation", "Wheel rotation").add();
    public static final FieldDef RDP_POINTERFLAGS_WHEELNEGATIVE = RDP.uint("rdp.pointerflags.wheelnegative", "Wheel negative").add();
    public static final FieldDef RDP_POINTERFLAGS_WHEEL = RDP.uint("rdp.pointerflags.wheel", "Wheel").add();
    public static final FieldDef RDP_POINTERFLAGS_HWHEEL = RDP.uint("rdp.pointerflags.hwheel", "Horizontal wheel").add();
    public static final FieldDef RDP_POINTER_XPOS = RDP.uint("rdp.pointer.xpos", "xPos").add();
    public static final FieldDef RDP_POINTER_YPOS = RDP.uint("rdp.pointer.ypos", "yPos").add();
    public static final FieldDef RDP_POINTERXFLAGS = RDP.uint("rdp.pointerxflags", "pointerFlags").add();
    public static final FieldDef RDP_POINTERXFLAGS_DOWN = RDP.uint("rdp.pointerxflags.down", "Down").add();
    public static final FieldDef RDP_POINTERXFLAGS_BUTTON1 = RDP.uint("rdp.pointerxflags.button1", "Button1").add();
    public static final FieldDef RDP_POINTERXFLAGS_BUTTON2 = RDP.uint("rdp.pointerxflags.button2", "Button2").add();
    public static final FieldDef RDP_POINTERX_XPOS = RDP.uint("rdp.pointerx.xpos", "xPos").add();
    public static final FieldDef RDP_POINTERX_YPOS = RDP.uint("rdp.pointerx.ypos", "yPos").add();
    public static final FieldDef RDP_FASTPATH_SYNC_SCROLLLOCK = RDP.uint("rdp.fastpath.sync.scrolllock", "ScrollLock").mask(0x01).add();
    public static final FieldDef RDP_FASTPATH_SYNC_NUMLOCK = RDP.uint("rdp.fastpath.sync.numlock", "NumLock").mask(0x02).add();
    public static final FieldDef RDP_FASTPATH_SYNC_CAPSLOCK = RDP.uint("rdp.fastpath.sync.capslock", "CapsLock").mask(0x04).add();
    public static final FieldDef RDP_FASTPATH_SYNC_KANALOCK = RDP.uint("rdp.fastpath.sync.kanalock", "KanaLock").mask(0x08).add();
    public static final FieldDef RDP_FASTPATH_UNICODE_RELEASE = RDP.uint("rdp.fastpath.unicode.release", "Release").mask(0x01).add();
    public static final FieldDef RDP_FASTPATH_UNICODE_CODE = RDP.uint("rdp.fastpath.unicode.code", "unicodeCode").add();
    public static final FieldDef RDP_FASTPATH_QOE_TIMESTAMP = RDP.uint("rdp.fastpath.qoe.timestamp", "Timestamp").add();
    public static final FieldDef RDP_FASTPATH_EVENTFLAGS = RDP.uint("rdp.fastpath.eventflags", "Flags").mask(0x1F).add();
    public static final FieldDef RDP_FASTPATH_CLIENTEVENTCODE = RDP.uint("rdp.fastpath.clienteventcode", "Code").add();
    public static final FieldDef RDP_FASTPATH_UPDATE = RDP.label("rdp.fastpath.update", "Update").add();
    public static final FieldDef RDP_FASTPATH_UPDATE_HEADER = RDP.field("rdp.fastpath.updateHeader", "updateHeader", FieldDef.Type.ANY).add();
    public static final FieldDef RDP_FASTPATH_SERVERFRAGMENTATION = RDP.uint("rdp.fastpath.serverfragmentation", "Fragmentation").mask(0x30).add();
    public static final FieldDef RDP_FASTPATH_SERVERCOMPRESSION = RDP.uint("rdp.fastpath.servercompression", "Compression").mask(0xC0).add();
    public static final FieldDef RDP_FASTPATH_SERVER_COMPRESSIONTYPE = RDP.uint("rdp.fastpath.server.compressiontype", "CompressionType").hex().add();
    public static final FieldDef RDP_FASTPATH_SERVER_COMPRESSIONFLAGS_COMPRESSED = RDP.uint("rdp.fastpath.server.compressionflags.compressed", "Compressed").mask(0x20).add();
    public static final FieldDef RDP_FASTPATH_SERVER_COMPRESSIONFLAGS_ATFRONT = RDP.uint("rdp.fastpath.server.compressionflags.atfront", "At front").mask(0x40).add();
    public static final FieldDef RDP_FASTPATH_SERVER_COMPRESSIONFLAGS_FLUSHED = RDP.uint("rdp.fastpath.server.compressionflags.flushed", "Flushed").mask(0x80).add();
    public static final FieldDef RDP_FASTPATH_SERVER_COMPRESSIONFLAGS = RDP.uint("rdp.fastpath.server.compressionflags", "CompressionFlags").mask(0x0F).add();
    public static final FieldDef RDP_FASTPATH_SERVER_SIZE = RDP.field("rdp.fastpath.server.size", "Size", FieldDef.Type.ANY).add();
    public static final FieldDef RDP_FASTPATH_UPDATE_DATA = RDP.bytes("rdp.fastpath.updateData", "updateData (not decoded)").payload().add();
    public static final FieldDef RDP_CLIENT_DATA = RDP.label("rdp.clientData", "ClientData").add();
    public static final FieldDef RDP_SERVER_DATA = RDP.label("rdp.serverData", "ServerData").add();
    public static final FieldDef RDP_TRAILING = RDP.bytes("rdp.trailing", "Bytes too short for a data block header").payload().add();
    public static final FieldDef RDP_HEADER_TYPE = RDP.uint("rdp.header.type", "headerType").add();
    public static final FieldDef RDP_HEADER_LENGTH = RDP.uint("rdp.header.length", "headerLength").add();
    public static final FieldDef RDP_ENCRYPTION_METHODS = RDP.bytes("rdp.encryptionMethods", "encryptionMethods").add();
    public static final FieldDef RDP_EXT_ENCRYPTION_METHODS = RDP.bytes("rdp.extEncryptionMethods", "extEncryptionMethods").add();
    public static final FieldDef RDP_CLUSTER_FLAGS = RDP.uint("rdp.clusterFlags", "clusterFlags").add();
    public static final FieldDef RDP_REDIRECTED_SESSION_ID = RDP.uint("rdp.redirectedSessionId", "redirectedSessionId").add();
    public static final FieldDef RDP_VERSION_MAJOR = RDP.uint("rdp.version.major", "versionMajor").add();
    public static final FieldDef RDP_VERSION_MINOR = RDP.uint("rdp.version.minor", "versionMinor").add();
    public static final FieldDef RDP_CLIENT_REQUESTED_PROTOCOLS = RDP.uint("rdp.client.requestedProtocols", "clientRequestedProtocols").add();
    public static final FieldDef RDP_EARLY_CAPABILITY_FLAGS = RDP.uint("rdp.earlyCapabilityFlags", "earlyCapabilityFlags").add();
    public static final FieldDef RDP_BLOCK_DATA = RDP.bytes("rdp.blockData", "Block data not decoded").payload().add();
    public static final FieldDef RDP_DESKTOP_WIDTH = RDP.uint("rdp.desktop.width", "desktopWidth").add();
    public static final FieldDef RDP_DESKTOP_HEIGHT = RDP.uint("rdp.desktop.height", "desktopHeight").add();
    public static final FieldDef RDP_COLOR_DEPTH = RDP.uint("rdp.colorDepth", "colorDepth").add();
    public static final FieldDef RDP_SASSEQUENCE = RDP.uint("rdp.SASSequence", "SASSequence").add();
    public static final FieldDef RDP_KEYBOARD_LAYOUT = RDP.uint("rdp.keyboardLayout", "keyboardLayout").add();
    public static final FieldDef RDP_CLIENT_BUILD = RDP.uint("rdp.client.build", "clientBuild").add();
    public static final FieldDef RDP_CLIENT_NAME = RDP.string("rdp.client.name", "clientName").add();
    public static final FieldDef RDP_KEYBOARD_TYPE = RDP.uint("rdp.keyboard.type", "keyboardType").add();
    public static final FieldDef RDP_KEYBOARD_SUBTYPE = RDP.uint("rdp.keyboard.subtype", "keyboardSubType").add();
    public static final FieldDef RDP_KEYBOARD_FUNCTIONKEY = RDP.uint("rdp.keyboard.functionkey", "keyboardFunctionKey").add();
    public static final FieldDef RDP_IME_FILE_NAME = RDP.bytes("rdp.imeFileName", "imeFileName").add();
    public static final FieldDef RDP_POST_BETA2_COLOR_DEPTH = RDP.uint("rdp.postBeta2ColorDepth", "postBeta2ColorDepth").add();
    public static final FieldDef RDP_CLIENT_PRODUCT_ID = RDP.uint("rdp.client.productId", "clientProductId").add();
    public static final FieldDef RDP_SERIAL_NUMBER = RDP.uint("rdp.serialNumber", "serialNumber").add();
    public static final FieldDef RDP_HIGH_COLOR_DEPTH = RDP.uint("rdp.highColorDepth", "highColorDepth").add();
    public static final FieldDef RDP_SUPPORTED_COLOR_DEPTHS = RDP.uint("rdp.supportedColorDepths", "supportedColorDepths").add();
    public static final FieldDef RDP_CLIENT_DIG_PRODUCT_ID = RDP.string("rdp.client.digProductId", "clientDigProductId").add();
    public static final FieldDef RDP_CONNECTION_TYPE = RDP.uint("rdp.connectionType", "connectionType").add();
    public static final FieldDef RDP_PAD1OCTET = RDP.uint("rdp.pad1octet", "pad1octet").add();
    public static final FieldDef RDP_SERVER_SELECTED_PROTOCOL = RDP.uint("rdp.serverSelectedProtocol", "serverSelectedProtocol").add();
    public static final FieldDef RDP_DESKTOP_PHYSICAL_WIDTH = RDP.uint("rdp.desktopPhysicalWidth", "desktopPhysicalWidth").add();
    public static final FieldDef RDP_DESKTOP_PHYSICAL_HEIGHT = RDP.uint("rdp.desktopPhysicalHeight", "desktopPhysicalHeight").add();
    public static final FieldDef RDP_DESKTOP_ORIENTATION = RDP.uint("rdp.desktopOrientation", "desktopOrientation").add();
    public static final FieldDef RDP_DESKTOP_SCALE_FACTOR = RDP.uint("rdp.desktopScaleFactor", "desktopScaleFactor").add();
    public static final FieldDef RDP_DEVICE_SCALE_FACTOR = RDP.uint("rdp.deviceScaleFactor", "deviceScaleFactor").add();
    public static final FieldDef RDP_CHANNEL_COUNT = RDP.uint("rdp.channelCount", "channelCount").add();
    public static final FieldDef RDP_CHANNEL_DEF_ARRAY = RDP.label("rdp.channelDefArray", "channelDefArray").add();
    public static final FieldDef RDP_CHANNEL_DEF = RDP.label("rdp.channelDef", "channelDef").add();
    public static final FieldDef RDP_NAME = RDP.string("rdp.name", "name").add();
    public static final FieldDef RDP_OPTIONS = RDP.uint("rdp.options", "options").add();
    public static final FieldDef RDP_ENCRYPTION_METHOD = RDP.uint("rdp.encryptionMethod", "encryptionMethod").add();
    public static final FieldDef RDP_ENCRYPTION_LEVEL = RDP.uint("rdp.encryptionLevel", "encryptionLevel").add();
    public static final FieldDef RDP_SERVER_RANDOM_LEN = RDP.uint("rdp.serverRandomLen", "serverRandomLen").add();
    public static final FieldDef RDP_SERVER_CERT_LEN = RDP.uint("rdp.serverCertLen", "serverCertLen").add();
    public static final FieldDef RDP_SERVER_RANDOM = RDP.bytes("rdp.serverRandom", "serverRandom").add();
    public static final FieldDef RDP_SERVER_CERTIFICATE = RDP.bytes("rdp.serverCertificate", "serverCertificate").add();
    public static final FieldDef RDP_MCSCHANNEL_ID = RDP.uint("rdp.MCSChannelId", "MCSChannelId").add();
    public static final FieldDef RDP_CHANNEL_ID_ARRAY = RDP.label("rdp.channelIdArray", "channelIdArray").add();
    public static final FieldDef RDP_PAD = RDP.uint("rdp.Pad", "Pad").add();
    public static final FieldDef RDP_SEND_DATA = RDP.label("rdp.sendData", "SendData").add();
    public static final FieldDef RDP_UNDECODED = RDP.bytes("rdp.undecoded", "Too short for an RDP security header").payload().add();
    public static final FieldDef RDP_SECURITY_EXCHANGE_PDU = RDP.label("rdp.securityExchangePDU", "securityExchangePDU").add();
    public static final FieldDef RDP_CLIENT_INFO_PDU = RDP.label("rdp.clientInfoPDU", "clientInfoPDU").add();
    public static final FieldDef RDP_VALID_CLIENT_LICENSE_DATA = RDP.label("rdp.validClientLicenseData", "Licensing PDU").add();
    public static final FieldDef RDP_LENGTH = RDP.uint("rdp.length", "length").add();
    public static final FieldDef RDP_ENCRYPTED_CLIENT_RANDOM = RDP.bytes("rdp.encryptedClientRandom", "encryptedClientRandom").add();
    public static final FieldDef RDP_ENCRYPTED_DATA = RDP.label("rdp.encryptedData", "encryptedData").kind(FieldKind.PAYLOAD).add();
    public static final FieldDef RDP_FLAGS = RDP.uint("rdp.flags", "flags").add();
    public static final FieldDef RDP_FLAGS_PKT = RDP.uint("rdp.flags.pkt", "flagsPkt").add();
    public static final FieldDef RDP_FLAGS_ENCRYPT = RDP.uint("rdp.flags.encrypt", "flagsEncrypt").add();
    public static final FieldDef RDP_FLAGS_RESETSEQNO = RDP.uint("rdp.flags.resetseqno", "flagsResetSeqno").add();
    public static final FieldDef RDP_FLAGS_IGNORESEQNO = RDP.uint("rdp.flags.ignoreseqno", "flagsIgnoreSeqno").add();
    public static final FieldDef RDP_FLAGS_LICENSEENCRYPT = RDP.uint("rdp.flags.licenseencrypt", "flagsLicenseEncrypt").add();
    public static final FieldDef RDP_FLAGS_SECURECHECKSUM = RDP.uint("rdp.flags.securechecksum", "flagsSecureChecksum").add();
    public static final FieldDef RDP_FLAGS_FLAGSHIVALID = RDP.uint("rdp.flags.flagshivalid", "flagsHiValid").add();
    public static final FieldDef RDP_FLAGS_HI = RDP.uint("rdp.flagsHi", "flagsHi").add();
    public static final FieldDef RDP_DATA_SIGNATURE = RDP.bytes("rdp.dataSignature", "dataSignature").add();
    public static final FieldDef RDP_B_MSG_TYPE = RDP.uint("rdp.bMsgType", "bMsgType").add();
    public static final FieldDef RDP_B_VERSION = RDP.uint("rdp.bVersion", "bVersion").add();
    public static final FieldDef RDP_W_MSG_SIZE = RDP.uint("rdp.wMsgSize", "wMsgSize").add();
    public static final FieldDef RDP_DW_ERROR_CODE = RDP.uint("rdp.dwErrorCode", "dwErrorCode").add();
    public static final FieldDef RDP_DW_STATE_TRANSITION = RDP.uint("rdp.dwStateTransition", "dwStateTransition").add();
    public static final FieldDef RDP_W_BLOB_TYPE = RDP.uint("rdp.wBlobType", "wBlobType").add();
    public static final FieldDef RDP_W_BLOB_LEN = RDP.uint("rdp.wBlobLen", "wBlobLen").add();
    public static final FieldDef RDP_BLOB_DATA = RDP.bytes("rdp.blobData", "blobData").add();
    public static final FieldDef RDP_LICENSE_DATA = RDP.bytes("rdp.licenseData", "Licensing message body (MS-RDPELE, not decoded)").payload().add();
    public static final FieldDef RDP_SHARE_CONTROL_HEADER = RDP.field("rdp.shareControlHeader", "shareControlHeader", FieldDef.Type.ANY).add();
    public static final FieldDef RDP_TOTAL_LENGTH = RDP.field("rdp.totalLength", "totalLength", FieldDef.Type.ANY).add();
    public static final FieldDef RDP_PDU_TYPE = RDP.field("rdp.pduType", "pduType", FieldDef.Type.ANY).add();
    public static final FieldDef RDP_PDU_TYPE_TYPE = RDP.field("rdp.pduType.type", "type", FieldDef.Type.ANY).add();
    public static final FieldDef RDP_PDU_TYPE_VERSION = RDP.field("rdp.pduType.version", "version", FieldDef.Type.ANY).add();
    public static final FieldDef RDP_PDU_SOURCE = RDP.field("rdp.pduSource", "pduSource", FieldDef.Type.ANY).add();
    public static final FieldDef RDP_CLIENT_CLUSTER_DATA = RDP.label("rdp.client.clusterData", "clientClusterData").add();
    public static final FieldDef RDP_CLIENT_CORE_DATA = RDP.label("rdp.client.coreData", "clientCoreData").add();
    public static final FieldDef RDP_CLIENT_NETWORK_DATA = RDP.label("rdp.client.networkData", "clientNetworkData").add();
    public static final FieldDef RDP_CLIENT_SECURITY_DATA = RDP.label("rdp.client.securityData", "clientSecurityData").add();
    public static final FieldDef RDP_FASTPATH_ENCRYPTED_DATA = RDP.bytes("rdp.fastpath.encryptedData", "Encrypted data").payload().add();
    public static final FieldDef RDP_CLIENT_UNKNOWN_DATA = RDP.label("rdp.client.unknownData", "clientUnknownData").add();
    public static final FieldDef RDP_SERVER_UNKNOWN_DATA = RDP.label("rdp.server.unknownData", "serverUnknownData").add();
    public static final FieldDef RDP_SERVER_CORE_DATA = RDP.label("rdp.server.coreData", "serverCoreData").add();
    public static final FieldDef RDP_SERVER_NETWORK_DATA = RDP.label("rdp.server.networkData", "serverNetworkData").add();
    public static final FieldDef RDP_SERVER_SECURITY_DATA = RDP.label("rdp.server.securityData", "serverSecurityData").add();
    public static final FieldDef T124_CONNECT_DATA = T124.label("t124.ConnectData", "ConnectData").add();
    public static final FieldDef T124_UNDECODED = T124.bytes("t124.undecoded", "Not decoded").payload().add();
    public static final FieldDef T124_T124_IDENTIFIER = T124.uint("t124.t124Identifier", "t124Identifier").add();
    public static final FieldDef T124_PER_CHOICE = T124.uint("t124.per.choice", "DomainMCSPDU choice").add();
    public static final FieldDef T124_OBJECT = T124.bytes("t124.object", "object").add();
    public static final FieldDef T124_PER_LENGTH = T124.uint("t124.per.length", "userData length").add();
    public static final FieldDef T124_CONNECT_PDU = T124.bytes("t124.connectPDU", "connectPDU").add();
    public static final FieldDef T124_KEY = T124.uint("t124.key", "key").add();
    public static final FieldDef T124_PER_KEY_HEADER = T124.bytes("t124.per.key_header", "choice and length octets of the key").add();
    public static final FieldDef T124_H221_NON_STANDARD = T124.bytes("t124.h221NonStandard", "h221NonStandard").add();
    public static final FieldDef T124_VALUE = T124.bytes("t124.value", "value").add();
    public static final FieldDef T124_TRAILING = T124.bytes("t124.trailing", "Bytes after the user data").payload().add();
    public static final FieldDef T124_DOMAIN_MCSPDU = T124.uint("t124.DomainMCSPDU", "DomainMCSPDU").add();
    public static final FieldDef T124_SUB_HEIGHT = T124.uint("t124.subHeight", "subHeight").add();
    public static final FieldDef T124_SUB_INTERVAL = T124.uint("t124.subInterval", "subInterval").add();
    public static final FieldDef T124_REASON = T124.uint("t124.reason", "reason").add();
    public static final FieldDef T124_RESULT = T124.uint("t124.result", "result").add();
    public static final FieldDef T124_PER_PADDING = T124.bytes("t124.per.padding", "rest of the result bits and padding").add();
    public static final FieldDef T124_INITIATOR = T124.uint("t124.initiator", "initiator").add();
    public static final FieldDef T124_REQUESTED = T124.uint("t124.requested", "requested").add();
    public static final FieldDef T124_CHANNEL_ID = T124.uint("t124.channelId", "channelId").add();
    public static final FieldDef T124_DATA_PRIORITY = T124.uint("t124.dataPriority", "dataPriority").mask(0xC0).add();
    public static final FieldDef T124_SEGMENTATION = T124.uint("t124.segmentation", "segmentation").mask(0x30).add();
    public static final FieldDef T124_SEGMENTATION_BEGIN = T124.uint("t124.Segmentation.begin", "begin").mask(0x20).add();
    public static final FieldDef T124_SEGMENTATION_END = T124.uint("t124.Segmentation.end", "end").mask(0x10).add();
    public static final FieldDef T124_USER_DATA = T124.bytes("t124.userData", "userData").add();
    public static final FieldDef T124_CONFERENCE_CREATE_REQUEST_ELEMENT = T124.bytes("t124.conferenceCreateRequest_element", "conferenceCreateRequest (choice, options, conference name, termination method, user-data count; PER-packed, not decoded bit by bit)").add();
    public static final FieldDef T124_CONFERENCE_CREATE_RESPONSE_ELEMENT = T124.bytes("t124.conferenceCreateResponse_element", "conferenceCreateResponse (choice, nodeID, tag, result, user-data count; PER-packed, not decoded bit by bit)").add();
    public static final FieldDef T125_UNDECODED = T125.bytes("t125.undecoded", "Not decoded").payload().add();
    public static final FieldDef T125_CONNECT_MCSPDU = T125.uint("t125.ConnectMCSPDU", "ConnectMCSPDU").add();
    public static final FieldDef T125_TRAILING = T125.bytes("t125.trailing", "Bytes after the MCS PDU").payload().add();
    public static final FieldDef T125_BER_IDENTIFIER = T125.uint("t125.ber.identifier", "BER identifier").add();
    public static final FieldDef T125_BER_LENGTH = T125.uint("t125.ber.length", "BER length").add();
    public static final FieldDef T125_CALLED_CONNECT_ID = T125.uint("t125.calledConnectId", "calledConnectId").add();
    public static final FieldDef T125_CALLED_DOMAIN_SELECTOR = T125.bytes("t125.calledDomainSelector", "calledDomainSelector").add();
    public static final FieldDef T125_CALLING_DOMAIN_SELECTOR = T125.bytes("t125.callingDomainSelector", "callingDomainSelector").add();
    public static final FieldDef T125_CONNECT_INITIAL_ELEMENT = T125.label("t125.connect_initial_element", "connect-initial").add();
    public static final FieldDef T125_CONNECT_RESPONSE_ELEMENT = T125.label("t125.connect_response_element", "connect-response").add();
    public static final FieldDef T125_DOMAIN_PARAMETERS_ELEMENT = T125.label("t125.domainParameters_element", "domainParameters").add();
    public static final FieldDef T125_MAX_CHANNEL_IDS = T125.uint("t125.maxChannelIds", "maxChannelIds").add();
    public static final FieldDef T125_MAX_HEIGHT = T125.uint("t125.maxHeight", "maxHeight").add();
    public static final FieldDef T125_MAX_MCSPDUSIZE = T125.uint("t125.maxMCSPDUsize", "maxMCSPDUsize").add();
    public static final FieldDef T125_MAX_TOKEN_IDS = T125.uint("t125.maxTokenIds", "maxTokenIds").add();
    public static final FieldDef T125_MAX_USER_IDS = T125.uint("t125.maxUserIds", "maxUserIds").add();
    public static final FieldDef T125_MAXIMUM_PARAMETERS_ELEMENT = T125.label("t125.maximumParameters_element", "maximumParameters").add();
    public static final FieldDef T125_MIN_THROUGHPUT = T125.uint("t125.minThroughput", "minThroughput").add();
    public static final FieldDef T125_MINIMUM_PARAMETERS_ELEMENT = T125.label("t125.minimumParameters_element", "minimumParameters").add();
    public static final FieldDef T125_NUM_PRIORITIES = T125.uint("t125.numPriorities", "numPriorities").add();
    public static final FieldDef T125_PROTOCOL_VERSION = T125.uint("t125.protocolVersion", "protocolVersion").add();
    public static final FieldDef T125_RESULT = T125.uint("t125.result", "result").add();
    public static final FieldDef T125_TARGET_PARAMETERS_ELEMENT = T125.label("t125.targetParameters_element", "targetParameters").add();
    public static final FieldDef T125_UPWARD_FLAG = T125.uint("t125.upwardFlag", "upwardFlag").add();
    public static final FieldDef T125_USER_DATA = T125.bytes("t125.userData", "userData").add();
    public static final FieldDef TLS_CONTINUATION_DATA = TLS.bytes("tls.continuation_data", "Continuation data (encrypted)").payload().add();
    public static final FieldDef TLS_RECORD = TLS.label("tls.record", "TLS record").add();
    public static final FieldDef TLS_RECORD_CONTENT_TYPE = TLS.uint("tls.record.content_type", "Content Type").add();
    public static final FieldDef TLS_RECORD_VERSION = TLS.uint("tls.record.version", "Version").add();
    public static final FieldDef TLS_RECORD_LENGTH = TLS.uint("tls.record.length", "Length").add();

    /** The T.125 DomainMCSPDU choices (the PER choice index of the first octet). */
    public static final ValueNames DOMAIN_PDU = ValueNames.of(0, "plumbDomainIndication", 1, "erectDomainRequest",
            2, "mergeChannelsRequest", 3, "mergeChannelsConfirm", 4, "purgeChannelsIndication", 5, "mergeTokensRequest",
            6, "mergeTokensConfirm", 7, "purgeTokensIndication", 8, "disconnectProviderUltimatum",
            9, "rejectMCSPDUUltimatum", 10, "attachUserRequest", 11, "attachUserConfirm", 12, "detachUserRequest",
            13, "detachUserIndication", 14, "channelJoinRequest", 15, "channelJoinConfirm", 16, "channelLeaveRequest",
            17, "channelConveneRequest", 18, "channelConveneConfirm", 19, "channelDisbandRequest",
            20, "channelDisbandIndication", 21, "channelAdmitRequest", 22, "channelAdmitIndication",
            23, "channelExpelRequest", 24, "channelExpelIndication", 25, "sendDataRequest", 26, "sendDataIndication",
            27, "uniformSendDataRequest", 28, "uniformSendDataIndication");
    /** The element of each DomainMCSPDU choice ("t124.sendDataRequest_element"), by choice index; 29 = unknown. */
    public static final FieldDef[] T124_DOMAIN_ELEMENT = domainElements();

    private static FieldDef[] domainElements() {
        FieldDef[] out = new FieldDef[30];
        for (int i = 0; i < 29; i++) {
            String n = DOMAIN_PDU.name(i);
            out[i] = T124.label("t124." + n + "_element", n).add();
        }
        out[29] = T124.label("t124.Unknown_element", "Unknown").add();
        return out;
    }

    /** The T.125 DomainParameters in their order. */
    public static final FieldDef[] T125_DOMAIN_PARAMETERS = {T125_MAX_CHANNEL_IDS, T125_MAX_USER_IDS, T125_MAX_TOKEN_IDS,
        T125_NUM_PRIORITIES, T125_MIN_THROUGHPUT, T125_MAX_HEIGHT, T125_MAX_MCSPDUSIZE, T125_PROTOCOL_VERSION};

    /** The channel option bits of a client network data channel definition (MS-RDPBCGR 2.2.1.3.4.1). */
    public static final FieldDef[] RDP_CHANNEL_OPTIONS = {
        RDP.flag("rdp.options.initialized", "optionsInitialized", 0x80000000L).add(),
        RDP.flag("rdp.options.encrypt.rdp", "encryptRDP", 0x40000000L).add(),
        RDP.flag("rdp.options.encrypt.sc", "encryptSC", 0x20000000L).add(),
        RDP.flag("rdp.options.encrypt.cs", "encryptCS", 0x10000000L).add(),
        RDP.flag("rdp.options.priority.high", "priorityHigh", 0x08000000L).add(),
        RDP.flag("rdp.options.priority.med", "priorityMed", 0x04000000L).add(),
        RDP.flag("rdp.options.priority.low", "priorityLow", 0x02000000L).add(),
        RDP.flag("rdp.options.compress.rdp", "compressRDP", 0x00800000L).add(),
        RDP.flag("rdp.options.compress", "compress", 0x00400000L).add(),
        RDP.flag("rdp.options.showprotocol", "showProtocol", 0x00200000L).add(),
        RDP.flag("rdp.options.remotecontrolpersistent", "remoteControlPersistent", 0x00100000L).add()};

    public static final FieldDef TLS_APP_DATA = TLS.bytes("tls.app_data", "Encrypted data (not decoded)").payload().add();
    public static final FieldDef TLS_RECORD_ENCRYPTED = TLS.bytes("tls.record.encrypted", "Handshake / CredSSP data (not decoded)").payload().add();
}
