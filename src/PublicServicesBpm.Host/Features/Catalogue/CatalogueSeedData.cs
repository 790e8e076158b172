namespace PublicServicesBpm.Host.Features.Catalogue;

/// <summary>
/// Demo catalogues for an empty database, in the import format (so they pass the same checks as an administrator's
/// file). Provinces are the 34 of the 2025 reform (Resolution 202/2025/QH15, in force 2025-07-01) with their
/// national codes, plus two pre-reform provinces as history: the old Lào Cai (10) and Yên Bái (15, whose code the
/// new Lào Cai keeps). Communes are a subset for Lào Cai and Hà Nội; their five-digit codes are illustrative.
/// Agencies are Lào Cai's, and include the four the identity seed creates (same codes and names).
/// </summary>
internal static class CatalogueSeedData
{
    public const string AdministrativeUnits = """
        code,name,nameEn,validFrom,validUntil,level,parentCode
        10,Tỉnh Lào Cai (trước sắp xếp 2025),Lao Cai Province (before the 2025 reform),1991-10-01,2025-07-01,province,
        15,Tỉnh Yên Bái,Yen Bai Province,1991-10-01,2025-07-01,province,
        15,Tỉnh Lào Cai,Lao Cai Province,2025-07-01,,province,
        01,Thành phố Hà Nội,Hanoi,2025-07-01,,province,
        04,Tỉnh Cao Bằng,Cao Bang Province,2025-07-01,,province,
        08,Tỉnh Tuyên Quang,Tuyen Quang Province,2025-07-01,,province,
        11,Tỉnh Điện Biên,Dien Bien Province,2025-07-01,,province,
        12,Tỉnh Lai Châu,Lai Chau Province,2025-07-01,,province,
        14,Tỉnh Sơn La,Son La Province,2025-07-01,,province,
        19,Tỉnh Thái Nguyên,Thai Nguyen Province,2025-07-01,,province,
        20,Tỉnh Lạng Sơn,Lang Son Province,2025-07-01,,province,
        22,Tỉnh Quảng Ninh,Quang Ninh Province,2025-07-01,,province,
        24,Tỉnh Bắc Ninh,Bac Ninh Province,2025-07-01,,province,
        25,Tỉnh Phú Thọ,Phu Tho Province,2025-07-01,,province,
        31,Thành phố Hải Phòng,Hai Phong,2025-07-01,,province,
        33,Tỉnh Hưng Yên,Hung Yen Province,2025-07-01,,province,
        37,Tỉnh Ninh Bình,Ninh Binh Province,2025-07-01,,province,
        38,Tỉnh Thanh Hóa,Thanh Hoa Province,2025-07-01,,province,
        40,Tỉnh Nghệ An,Nghe An Province,2025-07-01,,province,
        42,Tỉnh Hà Tĩnh,Ha Tinh Province,2025-07-01,,province,
        44,Tỉnh Quảng Trị,Quang Tri Province,2025-07-01,,province,
        46,Thành phố Huế,Hue,2025-07-01,,province,
        48,Thành phố Đà Nẵng,Da Nang,2025-07-01,,province,
        51,Tỉnh Quảng Ngãi,Quang Ngai Province,2025-07-01,,province,
        52,Tỉnh Gia Lai,Gia Lai Province,2025-07-01,,province,
        56,Tỉnh Khánh Hòa,Khanh Hoa Province,2025-07-01,,province,
        66,Tỉnh Đắk Lắk,Dak Lak Province,2025-07-01,,province,
        68,Tỉnh Lâm Đồng,Lam Dong Province,2025-07-01,,province,
        75,Tỉnh Đồng Nai,Dong Nai Province,2025-07-01,,province,
        79,Thành phố Hồ Chí Minh,Ho Chi Minh City,2025-07-01,,province,
        80,Tỉnh Tây Ninh,Tay Ninh Province,2025-07-01,,province,
        82,Tỉnh Đồng Tháp,Dong Thap Province,2025-07-01,,province,
        86,Tỉnh Vĩnh Long,Vinh Long Province,2025-07-01,,province,
        91,Tỉnh An Giang,An Giang Province,2025-07-01,,province,
        92,Thành phố Cần Thơ,Can Tho,2025-07-01,,province,
        96,Tỉnh Cà Mau,Ca Mau Province,2025-07-01,,province,
        15001,Phường Lào Cai,Lao Cai Ward,2025-07-01,,commune,15
        15002,Phường Cam Đường,Cam Duong Ward,2025-07-01,,commune,15
        15003,Phường Yên Bái,Yen Bai Ward,2025-07-01,,commune,15
        15004,Phường Văn Phú,Van Phu Ward,2025-07-01,,commune,15
        15005,Phường Nghĩa Lộ,Nghia Lo Ward,2025-07-01,,commune,15
        15006,Phường Sa Pa,Sa Pa Ward,2025-07-01,,commune,15
        15007,Xã Bát Xát,Bat Xat Commune,2025-07-01,,commune,15
        15008,Xã Mường Khương,Muong Khuong Commune,2025-07-01,,commune,15
        15009,Xã Bắc Hà,Bac Ha Commune,2025-07-01,,commune,15
        15010,Xã Si Ma Cai,Si Ma Cai Commune,2025-07-01,,commune,15
        15011,Xã Bảo Yên,Bao Yen Commune,2025-07-01,,commune,15
        15012,Xã Mù Cang Chải,Mu Cang Chai Commune,2025-07-01,,commune,15
        01001,Phường Hoàn Kiếm,Hoan Kiem Ward,2025-07-01,,commune,01
        01002,Phường Cửa Nam,Cua Nam Ward,2025-07-01,,commune,01
        01003,Phường Ba Đình,Ba Dinh Ward,2025-07-01,,commune,01
        01004,Phường Ngọc Hà,Ngoc Ha Ward,2025-07-01,,commune,01
        01005,Phường Giảng Võ,Giang Vo Ward,2025-07-01,,commune,01
        01006,Phường Hai Bà Trưng,Hai Ba Trung Ward,2025-07-01,,commune,01
        01007,Phường Đống Đa,Dong Da Ward,2025-07-01,,commune,01
        01008,Phường Văn Miếu - Quốc Tử Giám,Van Mieu - Quoc Tu Giam Ward,2025-07-01,,commune,01
        01009,Phường Tây Hồ,Tay Ho Ward,2025-07-01,,commune,01
        01010,Phường Cầu Giấy,Cau Giay Ward,2025-07-01,,commune,01
        01011,Xã Sóc Sơn,Soc Son Commune,2025-07-01,,commune,01
        01012,Xã Đông Anh,Dong Anh Commune,2025-07-01,,commune,01
        01013,Xã Gia Lâm,Gia Lam Commune,2025-07-01,,commune,01
        01014,Xã Ba Vì,Ba Vi Commune,2025-07-01,,commune,01
        """;

    public const string Sectors = """
        code,name,nameEn,validFrom,validUntil
        ho-tich,Hộ tịch,Civil status,2015-01-01,
        chung-thuc,Chứng thực,Authentication of copies and signatures,2015-01-01,
        ly-lich-tu-phap,Lý lịch tư pháp,Judicial records,2015-01-01,
        ho-kinh-doanh,Thành lập và hoạt động của hộ kinh doanh,Household businesses,2015-01-01,
        hoat-dong-xay-dung,Hoạt động xây dựng,Construction,2015-01-01,
        dat-dai,Đất đai,Land,2015-01-01,
        nuoi-con-nuoi,Nuôi con nuôi,Adoption,2015-01-01,
        bao-tro-xa-hoi,Bảo trợ xã hội,Social protection,2015-01-01,
        """;

    public const string DocumentTypes = """
        code,name,nameEn,validFrom,validUntil
        to-khai,Tờ khai,Declaration,2015-01-01,
        don-de-nghi,Đơn đề nghị,Application,2015-01-01,
        giay-to-tuy-than,"Giấy tờ tùy thân (thẻ căn cước, hộ chiếu)",Identity document,2015-01-01,
        giay-chung-sinh,Giấy chứng sinh,Birth certificate from the hospital,2015-01-01,
        giay-khai-sinh,Giấy khai sinh,Birth certificate,2015-01-01,
        trich-luc-ho-tich,Trích lục hộ tịch,Civil-status extract,2015-01-01,
        van-ban-uy-quyen,Văn bản ủy quyền,Letter of authorisation,2015-01-01,
        giay-to-cu-tru,Giấy tờ chứng minh nơi cư trú,Proof of residence,2015-01-01,
        bien-ban-hop-gia-dinh,Biên bản họp thành viên hộ gia đình,Household members' meeting minutes,2015-01-01,
        giay-chung-nhan-ho-kinh-doanh,Giấy chứng nhận đăng ký hộ kinh doanh,Household business registration certificate,2015-01-01,
        phieu-ly-lich-tu-phap,Phiếu lý lịch tư pháp,Judicial record certificate,2015-01-01,
        giay-to-quyen-su-dung-dat,Giấy tờ về quyền sử dụng đất,Land-use right document,2015-01-01,
        ban-ve-thiet-ke,Bản vẽ thiết kế xây dựng,Construction design drawings,2015-01-01,
        giay-phep-xay-dung,Giấy phép xây dựng,Construction permit,2015-01-01,
        """;

    public const string Agencies = """
        code,name,nameEn,validFrom,validUntil,parentCode,administrativeLevel,provinceCode,address,weekdayHours,saturdayHours
        000.00.00.H38,UBND tỉnh Lào Cai,Lao Cai Provincial People's Committee,2025-07-01,,,province,15,"Đại lộ Trần Hưng Đạo, phường Cam Đường, tỉnh Lào Cai",07:30-11:30;13:30-17:00,
        000.00.11.H38,Sở Tư pháp tỉnh Lào Cai,Lao Cai Department of Justice,2025-07-01,,000.00.00.H38,province,15,"Khối 11, phường Cam Đường, tỉnh Lào Cai",07:30-11:30;13:30-17:00,
        000.00.12.H38,Sở Nội vụ tỉnh Lào Cai,Lao Cai Department of Home Affairs,2025-07-01,,000.00.00.H38,province,15,"Khối 11, phường Cam Đường, tỉnh Lào Cai",07:30-11:30;13:30-17:00,
        000.00.13.H38,Sở Xây dựng tỉnh Lào Cai,Lao Cai Department of Construction,2025-07-01,,000.00.00.H38,province,15,"Khối 11, phường Cam Đường, tỉnh Lào Cai",07:30-11:30;13:30-17:00,
        000.00.14.H38,Sở Tài chính tỉnh Lào Cai,Lao Cai Department of Finance,2025-07-01,,000.00.00.H38,province,15,"Khối 11, phường Cam Đường, tỉnh Lào Cai",07:30-11:30;13:30-17:00,
        000.00.20.H38,Trung tâm Phục vụ hành chính công tỉnh Lào Cai,Lao Cai Public Administration Service Centre,2025-07-01,,000.00.00.H38,province,15,"Đại lộ Trần Hưng Đạo, phường Cam Đường, tỉnh Lào Cai",07:30-11:30;13:30-17:00,07:30-11:30
        000.21.30.H38,UBND phường Cam Đường,Cam Duong Ward People's Committee,2025-07-01,,000.00.00.H38,commune,15,"Phường Cam Đường, tỉnh Lào Cai",07:30-11:30;13:30-17:00,
        000.21.31.H38,UBND phường Lào Cai,Lao Cai Ward People's Committee,2025-07-01,,000.00.00.H38,commune,15,"Phường Lào Cai, tỉnh Lào Cai",07:30-11:30;13:30-17:00,
        000.21.32.H38,UBND phường Yên Bái,Yen Bai Ward People's Committee,2025-07-01,,000.00.00.H38,commune,15,"Phường Yên Bái, tỉnh Lào Cai",07:30-11:30;13:30-17:00,
        000.21.33.H38,UBND phường Sa Pa,Sa Pa Ward People's Committee,2025-07-01,,000.00.00.H38,commune,15,"Phường Sa Pa, tỉnh Lào Cai",07:30-11:30;13:30-17:00,07:30-11:30
        000.21.34.H38,UBND xã Bát Xát,Bat Xat Commune People's Committee,2025-07-01,,000.00.00.H38,commune,15,"Xã Bát Xát, tỉnh Lào Cai",07:30-11:30;13:30-17:00,
        """;
}
